// @ts-check
'use strict';
const { relative } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

// The order in which the Jest workers take the specs: the longest first, so that no long spec starts last and
// leaves the others idle at the end. Jest orders by the durations of an earlier run on this machine, kept in
// its cache; without one (a fresh clone, as in CI) it orders by file size, which puts the browser specs, small files
// taking minutes each, anywhere in the run. Then these seconds stand in for the cache: each spec's endTime -
// startTime in `npx jest --maxWorkers=2 --json` (4 December 2026, on the 2-core CI machine), rounded; specs under 10 s
// are left out. `processes` (the specs that start and kill processes, one after another) has its time in a whole run
// with three workers: it mostly waits, so it starts first and the other workers share the rest. Only the order depends
// on these: a spec missing here runs after the listed ones by its size, a browser spec as if it took
// BROWSER_SPEC_SECONDS.
const KNOWN_SECONDS = {
  'test/processes.e2e-spec.ts': 330,
  'test/browser/public-pages.e2e-spec.ts': 137,
  'test/browser/coordinator-four-eyes.e2e-spec.ts': 88,
  'test/browser/expert-own-screens.e2e-spec.ts': 87,
  'test/browser/expert-work.e2e-spec.ts': 78,
  'test/browser/admin-organisations.e2e-spec.ts': 75,
  'test/browser/orderer-journey.e2e-spec.ts': 72,
  'test/browser/claims.e2e-spec.ts': 59,
  'test/browser/admin-journey.e2e-spec.ts': 57,
  'test/browser/coordinator-journey.e2e-spec.ts': 52,
  'test/browser/expert-journey.e2e-spec.ts': 49,
  'test/browser/time-change.e2e-spec.ts': 41,
  'test/api/security/bad-input.property.ts': 38,
  'test/browser/no-shows.e2e-spec.ts': 25,
  'test/api/contracts/contracts.ts': 23,
  'test/api/fees/fees.ts': 17,
  'test/api/app/cli.ts': 14,
  'test/api/booking/time-change.ts': 14,
  'test/medium/availability-overlaps.ts': 12,
  'test/api/app/api-client.ts': 12,
  'test/api/booking/booking.ts': 11,
  'test/medium/booking-transitions.ts': 11,
  'test/api/fees/late-cancellation-claims.ts': 10,
  'test/api/accounts/auth.ts': 10,
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
