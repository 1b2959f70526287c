import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { compilerOptions, ROOT, sourceFiles, transpileTo } from '../../scripts/transpile';

// A child process of a test (the embedded app) runs compiled JavaScript, not ts-node: ts-node compiles the
// whole app again in every child and every worker thread it starts, which made a boot take two to three
// times as long and, on a loaded machine, longer than the test waits. The build is addressed by the content
// of every source file and the compiler options, so it is never older than the code under test; an unchanged
// tree reuses the build of an earlier run. It lives in the repository so that the app finds node_modules.

const BUILDS = join(ROOT, '.test-build');
// Builds of other source trees are removed once nobody has used them for this long.
const UNUSED_FOR_MS = 60 * 60_000;

function prune(keep: string): void {
  for (const name of readdirSync(BUILDS)) {
    const path = join(BUILDS, name);
    if (name !== keep && Date.now() - statSync(path).mtimeMs > UNUSED_FOR_MS) rmSync(path, { recursive: true, force: true });
  }
}

let built: string | undefined;

// The directory of a build of src/ and migrations/ as they are now (layout as in dist/: src/main.js).
export function compiledApp(): string {
  if (built) return built;
  const options = compilerOptions();
  const files = sourceFiles();
  const hash = createHash('sha256').update(ts.version).update(JSON.stringify(options));
  for (const file of files) hash.update(`\0${file.path}\0${file.text}`);
  const id = hash.digest('hex').slice(0, 16);
  const dir = join(BUILDS, id);
  mkdirSync(BUILDS, { recursive: true });
  try {
    // A build is complete once it is renamed into place; touched so that pruning leaves it alone.
    const now = new Date();
    utimesSync(dir, now, now);
    built = dir;
    return dir;
  } catch {
    // not built yet
  }
  const temp = join(BUILDS, `tmp-${process.pid}-${Date.now()}`);
  transpileTo(temp, files, options);
  try {
    renameSync(temp, dir);
  } catch {
    // Another test run built the same tree at the same time.
    rmSync(temp, { recursive: true, force: true });
  }
  prune(id);
  built = dir;
  return dir;
}
