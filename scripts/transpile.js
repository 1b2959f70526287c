// @ts-check
'use strict';
// Transpiles src/ and migrations/ file by file with the installed TypeScript and tsconfig.build.json's
// options, without type checking (as ts-node's transpile-only mode does): what `npm start` needs to run the
// app on a fresh clone in seconds. `npm run build` (nest build, types checked) is the build that CI and the
// Docker image use. `npm run cli` (scripts/cli.js) and the embedded e2e suite's child (test/utils/compiled-app.ts)
// run from a content-addressed build of the same kind (cachedBuild).
const { createHash } = require('node:crypto');
const {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} = require('node:fs');
const { dirname, join, resolve } = require('node:path');
const ts = require('typescript');

const ROOT = resolve(__dirname, '..');
const SOURCE_DIRS = ['src', 'migrations'];
// The one place of the cached builds: `npm run cli`, the API client's OpenAPI document and the child processes of the
// tests run the same tree from the same build, so a fresh clone transpiles it once (7.7 s of CPU on CI's machine).
const TRANSPILED_BUILDS = join(ROOT, '.build', 'transpiled');

/** @returns {import('typescript').CompilerOptions} */
function compilerOptions() {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.build.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error('tsconfig.build.json could not be read');
  return {
    ...parsed.options,
    incremental: false,
    tsBuildInfoFile: undefined,
    sourceMap: false,
    inlineSourceMap: false,
    declaration: false,
    noEmit: false,
  };
}

/** @param {string} dir @returns {string[]} paths relative to the repository, sorted */
function sourcesIn(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourcesIn(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')
        ? [path]
        : [];
    })
    .sort();
}

/** @returns {{ path: string; text: string }[]} every file of src/ and migrations/ but specs */
function sourceFiles() {
  return SOURCE_DIRS.flatMap(sourcesIn).map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
}

/** Writes each file's JavaScript under outDir, keeping the layout of dist/ (src/main.js).
 * @param {string} outDir @param {{ path: string; text: string }[]} files @param {import('typescript').CompilerOptions} options */
function transpileTo(outDir, files, options) {
  for (const file of files) {
    const out = ts.transpileModule(file.text, {
      compilerOptions: options,
      fileName: join(ROOT, file.path),
      reportDiagnostics: false,
    });
    const target = join(outDir, file.path.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, out.outputText);
  }
}

// Builds of other source trees are removed once nobody has used them for this long.
const UNUSED_FOR_MS = 60 * 60_000;

/** @param {string} builds @param {string} keep */
function prune(builds, keep) {
  for (const name of readdirSync(builds)) {
    const path = join(builds, name);
    if (name !== keep && Date.now() - statSync(path).mtimeMs > UNUSED_FOR_MS)
      rmSync(path, { recursive: true, force: true });
  }
}

/** A build addressed by the content of every source file and the compiler options, under builds/<hash> (layout
 * as in dist/: src/main.js): never older than the code, reused while the code is unchanged, and never rewritten
 * under a process that runs from it (a changed tree is a new directory). Kept inside the repository, so that the
 * app finds node_modules.
 * @param {string} builds @returns {{ dir: string; built: boolean; files: number; ms: number }} */
function cachedBuild(builds) {
  const started = Date.now();
  const options = compilerOptions();
  const files = sourceFiles();
  const hash = createHash('sha256').update(ts.version).update(JSON.stringify(options));
  for (const file of files) hash.update(`\0${file.path}\0${file.text}`);
  const id = hash.digest('hex').slice(0, 16);
  const dir = join(builds, id);
  mkdirSync(builds, { recursive: true });
  try {
    // A build is complete once it is renamed into place; touched so that pruning leaves it alone.
    const now = new Date();
    utimesSync(dir, now, now);
    return { dir, built: false, files: files.length, ms: Date.now() - started };
  } catch {
    // not built yet
  }
  const temp = join(builds, `tmp-${process.pid}-${Date.now()}`);
  transpileTo(temp, files, options);
  try {
    renameSync(temp, dir);
  } catch {
    // Another process built the same tree at the same time.
    rmSync(temp, { recursive: true, force: true });
  }
  prune(builds, id);
  return { dir, built: true, files: files.length, ms: Date.now() - started };
}

module.exports = { ROOT, TRANSPILED_BUILDS, cachedBuild, compilerOptions, sourceFiles, transpileTo };

if (require.main === module) {
  const started = Date.now();
  const outDir = resolve(ROOT, process.argv[2] ?? 'dist');
  const files = sourceFiles();
  rmSync(outDir, { recursive: true, force: true });
  transpileTo(outDir, files, compilerOptions());
  console.log(
    `${files.length} files transpiled into ${outDir} in ${Date.now() - started} ms (types are checked by npm run build).`,
  );
}
