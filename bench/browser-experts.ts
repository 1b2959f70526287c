// The coordinator's experts table and matching screen in Chromium with 5,000 experts, by hand (not a test):
//   npx ts-node --transpile-only bench/browser-experts.ts [runs=10] [experts=5000]
// The real API serving the production web build (web/dist, built first if its sources changed) on a database of
// its own (BENCH_DATABASE_URL, dropped and created afresh), seeded like bench/matching.ts (bench/seed-experts.ts:
// `experts` active, verified experts with ~40 weekly windows and 20 assignments each), the machine's Redis, and
// Debian's Chromium headless through playwright-core.
//
// The coordinator is signed in once (the API's browser sign-in, so the refresh cookie is set), in one browser
// profile that stays: scripts come from the HTTP cache after the warm-up, as on a coordinator's desktop. Measured,
// `runs` times each after one warm-up, as the milliseconds until the page's first rows are in the DOM and nothing
// in main is still loading:
// - load: a full page load of the URL (page.goto), from the navigation's start (performance.timeOrigin): the HTML,
//   the scripts, the session restored through the cookie, then the page's own API calls;
// - in-app: a click on the link from Today (the main navigation's Experts, or the order in Today's orders queue),
//   from the click: the route's code (cached after the first), then the page's own API calls.
// Pages: the experts table (first page, default sort), the matching screen of an ordinary order (on site in Vaasa,
// Finnish, one topic: ~50 candidates) and of a broad one (remote, Finnish, any topic: ~2,200 candidates, the first
// page shown). Prints p50 / p95 / max per page and mode, and the load average before and after.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { type Page } from 'playwright-core';
import { ensureWebBuild } from '../scripts/web-build';
import { launchChromium } from '../test/utils/chromium';
import { browserBenchEnv, loadAverage, percentile, runBench, signedInContext, startBenchApi } from './lib/bench';
import { matchingOrders, matchingPeople, seed } from './seed-experts';

const DB_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kokemus_browser_experts_bench';
const PORT = Number(process.env.BENCH_PORT ?? 3919);
const BASE = browserBenchEnv(DB_URL, PORT, {
  jwt: 'bench-secret-bench-secret-bench-secret-05',
  key: 'browser-experts-bench-key-32byte',
});

// The table's first rows are in the DOM and nothing in main is loading any more.
async function rowsShown(page: Page, table: string): Promise<number> {
  await page.waitForFunction(
    (selector) =>
      document.querySelectorAll(`${selector} tbody tr`).length > 0 &&
      document.querySelector('main [role="progressbar"], main .fi-loadingSpinner') === null,
    `table#${table}`,
    { polling: 'raf', timeout: 60_000 },
  );
  return page.evaluate(() => performance.now());
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 10);
  const experts = Number(process.argv[3] ?? 5000);
  ensureWebBuild({ quiet: true });
  const { app, db } = await startBenchApi(DB_URL, PORT);

  const t0 = Date.now();
  const { coordinator, orderer, unit, template } = await matchingPeople(db);
  await seed(db, experts, template);
  const [counts] = await db.query(
    `SELECT (SELECT count(*) FROM experts)::int AS experts, (SELECT count(*) FROM assignments)::int AS assignments`,
  );
  console.log(
    `seeded ${counts.experts} experts, ${counts.assignments} assignments in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );

  // The orders of bench/matching.ts, titled.
  const { ordinary, broad } = await matchingOrders(db, unit.id, orderer.id, {
    ordinary: 'Bench: tavallinen tilaus',
    broad: 'Bench: laaja tilaus',
  });

  const browser = await launchChromium({ optimisingCompilers: true });
  const context = await signedInContext(browser, BASE, coordinator, { width: 1280, height: 900 });
  const page = await context.newPage();

  const targets = [
    { name: 'experts table', path: '/coordinator/experts', table: 'experts', link: 'a[href="/coordinator/experts"]' },
    ...[
      { name: 'matching, ordinary order', request: ordinary },
      { name: 'matching, broad order', request: broad },
    ].map(({ name, request }) => ({
      name,
      path: `/coordinator/orders/${request.id}`,
      table: 'candidates',
      link: `main a[href="/coordinator/orders/${request.id}"]`,
    })),
  ];
  const loadBefore = loadAverage();
  const uptimeBefore = execFileSync('uptime', { encoding: 'utf8' }).trim();
  const lines: string[] = [];
  for (const target of targets) {
    const full: number[] = [];
    const inApp: number[] = [];
    let shown = 0;
    for (let run = 0; run <= runs; run++) {
      await page.goto(target.path);
      const loaded = await rowsShown(page, target.table);
      // From Today, by its link.
      await page.goto('/');
      await page.locator('#queue-orders').waitFor();
      const link = page.locator(target.link).first();
      await link.waitFor();
      const clickedAt = await page.evaluate(() => performance.now());
      await link.click();
      const inAppShown = (await rowsShown(page, target.table)) - clickedAt;
      shown = await page.locator(`table#${target.table} tbody tr`).count();
      if (run === 0) continue;
      full.push(loaded);
      inApp.push(inAppShown);
    }
    for (const [mode, values] of [
      ['load', full],
      ['in-app', inApp],
    ] as const) {
      const sorted = [...values].sort((a, b) => a - b);
      const line = `${target.name.padEnd(26)} ${mode.padEnd(6)} ${shown} rows: p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms`;
      lines.push(line);
      console.log(line);
    }
  }
  console.log(`${runs} runs each after a warm-up; load average ${loadBefore} before, ${loadAverage()} after`);
  console.log(`uptime before: ${uptimeBefore}`);
  console.log(`uptime after:  ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
  await browser.close();
  await app.close();
}

runBench(main);
