// @ts-check
'use strict';
const { relative } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

// The order in which the Jest workers take the specs: the longest first, so that no long spec starts last and
// leaves the others idle at the end. Jest orders by the durations of an earlier run on this machine, kept in
// its cache; without one (a fresh clone, as in CI) it orders by file size, which puts the browser specs, small files
// taking minutes each, anywhere in the run. Then these seconds stand in for the cache: each spec file's time in a
// whole `npm test` with two workers on the 2-core CI machine (the working checkout, 6 December 2026), rounded;
// files under 10 s are left out. The API specs are a file per area (test/api/<area>.e2e-spec.ts), the browser specs
// a file per person (test/browser/<person>.e2e-spec.ts) and the middle tier one file. `processes` (the specs that
// start and kill processes, one after another: alone, 124 s of the machine's CPU in 118 s) follows the orderer's
// browser file beside the expert's, the longest. Only the order depends on these: a spec missing here runs after the
// listed ones by its size, a browser spec as if it took BROWSER_SPEC_SECONDS.
const KNOWN_SECONDS = {
  'test/browser/expert.e2e-spec.ts': 307,
  'test/browser/orderer.e2e-spec.ts': 204,
  'test/processes.e2e-spec.ts': 190,
  'test/browser/coordinator.e2e-spec.ts': 181,
  'test/browser/public-pages.e2e-spec.ts': 100,
  'test/browser/admin.e2e-spec.ts': 94,
  'test/api/app.e2e-spec.ts': 65,
  'test/api/fees.e2e-spec.ts': 64,
  'test/api/security.e2e-spec.ts': 57,
  'test/api/booking.e2e-spec.ts': 38,
  'test/medium.medium-spec.ts': 34,
  'test/api/experts.e2e-spec.ts': 26,
  'test/api/contracts.e2e-spec.ts': 20,
  'test/api/accounts.e2e-spec.ts': 15,
  'test/browser/chromium.e2e-spec.ts': 14,
};
const BROWSER_SPEC_SECONDS = 60;

class LongestFirstSequencer extends Sequencer {
  /** @param {import('@jest/test-result').Test} test */
  estimate(test) {
    const cached = this.time(test);
    if (cached != null) return cached;
    const path = relative(test.context.config.rootDir, test.path).split('\\').join('/');
    if (path in KNOWN_SECONDS) return KNOWN_SECONDS[path] * 1000;
    if (path.startsWith('test/browser/')) return BROWSER_SPEC_SECONDS * 1000;
    return undefined;
  }

  /** @param {Array<import('@jest/test-result').Test>} tests */
  sort(tests) {
    const sizes = new Map(tests.map((t) => [t.path, t.context.hasteFS.getSize(t.path) ?? 0]));
    const failed = new Map(tests.map((t) => [t.path, this.hasFailed(t)]));
    for (const test of tests) test.duration = this.estimate(test);
    return [...tests].sort((a, b) => {
      // As Jest does: what failed last time first, for quick feedback.
      if (failed.get(a.path) !== failed.get(b.path)) return failed.get(a.path) ? -1 : 1;
      if ((a.duration != null) !== (b.duration != null)) return a.duration != null ? -1 : 1;
      if (a.duration != null && b.duration != null) return b.duration - a.duration;
      return (sizes.get(b.path) ?? 0) - (sizes.get(a.path) ?? 0);
    });
  }
}

module.exports = LongestFirstSequencer;
