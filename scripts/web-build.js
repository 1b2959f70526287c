// @ts-check
'use strict';
// Builds the web app (web/ → web/dist) with Vite when its sources changed since the last build: the content
// hash of web/src, its config files and the lockfile is kept beside dist (web/.dist-hash), and a build whose
// hash is current is skipped. `npm start` and the browser tests call it; `npm run build` always builds,
// after type-checking (--typecheck --force).
const { execFileSync } = require('node:child_process');
const { brotliCompressSync, constants: zlib, gzipSync } = require('node:zlib');
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join, relative, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const WEB = join(ROOT, 'web');
const DIST = join(WEB, 'dist');
const HASH_FILE = join(WEB, '.dist-hash');
// Held while a build writes web/dist: two callers at once (two Jest workers' browser tests) build it once, and
// neither serves a half-written web/dist. A lock older than a build can take is left over from a killed process.
const LOCK = join(WEB, '.dist-lock');
const STALE_LOCK_MS = 10 * 60_000;
const INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json'];

/** @param {string} path @returns {string[]} */
function filesUnder(path) {
  if (!existsSync(path)) return [];
  const entries = readdirSync(path, { withFileTypes: true });
  return entries.flatMap((entry) => {
    const full = join(path, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

function sourceHash() {
  const hash = createHash('sha256');
  const files = INPUTS.flatMap((input) => {
    const path = join(WEB, input);
    return existsSync(path) && !readdirSafe(path) ? [path] : filesUnder(path);
  });
  // This script too: a change in how dist is made (the precompressed files) makes a new build.
  files.push(join(ROOT, 'package-lock.json'), __filename);
  for (const file of files.filter(existsSync).sort())
    hash.update(`\0${relative(ROOT, file)}\0`).update(readFileSync(file));
  return hash.digest('hex');
}

/** @param {string} path */
function readdirSafe(path) {
  try {
    readdirSync(path);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} pkg @param {string} bin */
function binOf(pkg, bin) {
  const found = [WEB, ROOT].map((dir) => join(dir, 'node_modules', pkg, bin)).find(existsSync);
  if (!found) throw new Error(`${pkg} is not installed: run npm install`);
  return found;
}

// Text files the API serves, compressed beside them once at build time (name.gz, name.br): @fastify/static
// sends the one the browser accepts (preCompressed), so no request pays for compressing. Fonts (woff2) and
// images are compressed already.
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;

function precompress() {
  for (const file of filesUnder(DIST).filter((f) => COMPRESSIBLE.test(f))) {
    const bytes = readFileSync(file);
    if (bytes.length < 1024) continue;
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(bytes, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }),
    );
  }
}

/** @template T @param {() => T} fn @returns {T} */
function withLock(fn) {
  const sleep = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      Atomics.wait(sleep, 0, 0, 200);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** @returns {boolean} whether it built */
function ensureWebBuild({ force = false, typecheck = false, quiet = false } = {}) {
  return withLock(() => buildUnlocked({ force, typecheck, quiet }));
}

/** @param {{ force: boolean; typecheck: boolean; quiet: boolean }} options @returns {boolean} */
function buildUnlocked({ force, typecheck, quiet }) {
  const hash = sourceHash();
  const current =
    existsSync(join(DIST, 'index.html')) && existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8').trim() === hash;
  if (current && !force) {
    if (!quiet) console.log('web/dist is current; not rebuilt.');
    return false;
  }
  const started = Date.now();
  const stdio = quiet ? 'pipe' : 'inherit';
  if (typecheck)
    execFileSync(process.execPath, [binOf('typescript', 'bin/tsc'), '--noEmit', '-p', join(WEB, 'tsconfig.json')], {
      cwd: WEB,
      stdio,
    });
  // Always a production build, whoever calls (the test setup runs with NODE_ENV=test, which Vite would follow).
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(
    process.execPath,
    [binOf('vite', 'bin/vite.js'), 'build', '--mode', 'production', '--logLevel', quiet ? 'error' : 'warn'],
    { cwd: WEB, stdio, env },
  );
  precompress();
  writeFileSync(HASH_FILE, `${hash}\n`);
  if (!quiet) console.log(`web/dist built in ${Date.now() - started} ms.`);
  return true;
}

module.exports = { ensureWebBuild, sourceHash, DIST };

if (require.main === module) {
  ensureWebBuild({ force: process.argv.includes('--force'), typecheck: process.argv.includes('--typecheck') });
}
