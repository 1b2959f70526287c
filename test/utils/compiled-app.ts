import { cachedBuild, TRANSPILED_BUILDS } from '../../scripts/transpile';

// A child process of a test (the embedded app) runs compiled JavaScript, not ts-node: ts-node compiles the
// whole app again in every child and every worker thread it starts, which made a boot take two to three
// times as long and, on a loaded machine, longer than the test waits. The build is addressed by the content
// of the source (scripts/transpile.js, cachedBuild), so it is never older than the code under test; an
// unchanged tree reuses the build of an earlier run.

let built: string | undefined;

// The directory of a build of src/ and migrations/ as they are now (layout as in dist/: src/main.js).
export function compiledApp(): string {
  built ??= cachedBuild(TRANSPILED_BUILDS).dir;
  return built;
}
