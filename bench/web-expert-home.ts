// The expert's home, loaded cold in Chromium, by hand (not a test):
//   npx ts-node --transpile-only bench/web-expert-home.ts [runs=5]
// The real API and web app (production build, served precompressed) on a database of its own
// (BENCH_DATABASE_URL, dropped and created afresh) and the machine's Redis; Debian's Chromium headless.
//
// "Cold" here means: a fresh browser profile (a new context: no HTTP cache, no storage, no service worker) per
// run. The person is signed in before the page loads by the API's own browser sign-in (POST /api/auth/login
// with session=cookie, from the same profile, so that the httpOnly refresh cookie is set) – no page of the app
// has been loaded yet, so every script and style of the home is fetched over the network. The page then
// restores the session through that cookie, as after a reload. The server itself is warm (a first load warms
// its file routes and the database; that run is printed but left out of the figures).
//
// Printed per run and as the median: the JavaScript of the first route (the sum of the script responses' bodies
// as they travelled – brotli, as Chromium asks for it – and what the same scripts weigh gzipped and
// uncompressed), and the milliseconds from the navigation's start until the home is usable: its h1 and its
// first section with data rendered (no spinner), then the main thread idle (a requestIdleCallback that runs).
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuild, DIST } from '../scripts/web-build';
import { Role } from '../src/common/auth/role.enum';
import { createBookableExpert } from '../test/factories/bookable.factory';
import { addMember, createUnit } from '../test/factories/organisations.factory';
import { createUser } from '../test/factories/users.factory';
import { launchChromium } from '../test/utils/chromium';
import { browserBenchEnv, loadAverage, runBench, signedInContext, startBenchApi } from './lib/bench';

const DB_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kokemus_web_bench';
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const BASE = browserBenchEnv(DB_URL, PORT, {
  jwt: 'bench-secret-bench-secret-bench-secret-02',
  key: 'bench-web-expert-home-key-32byte',
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  ensureWebBuild({ quiet: true });
  const { app, db } = await startBenchApi(DB_URL, PORT);
  const fi = JSON.parse(readFileSync(join(__dirname, '../web/src/i18n/fi.json'), 'utf8')) as {
    home: { title: string };
  };

  const call = async (path: string, token: string | null, body: object) => {
    const res = await fetch(`${BASE}/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return (await res.json()) as Record<string, unknown> & { accessToken: string; id: string };
  };
  const login = async (u: { email: string; password: string }) =>
    (await call('/auth/login', null, { email: u.email, password: u.password })).accessToken;

  // An expert with an offer waiting: the home has something in its first section.
  const coordinator = await login(await createUser(db, Role.Coordinator));
  const ordererUser = await createUser(db, Role.Orderer);
  const unit = await createUnit(db);
  await addMember(db, unit.id, ordererUser.id);
  const orderer = await login(ordererUser);
  const expert = await createBookableExpert(db, { topics: ['ageing'], name: 'Eeva Esimerkki', worksRemotely: true });
  const start = new Date(Date.now() + 14 * 86_400_000);
  start.setUTCHours(7, 0, 0, 0);
  const request = await call('/booking-requests', orderer, {
    organisationId: unit.id,
    taskType: 'working_group',
    title: 'Asiakasraati: ikääntyneiden palvelut',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
    remote: true,
    languages: ['fi'],
    topics: ['ageing'],
    expertsNeeded: 1,
    preparationHours: 1,
  });
  await call(`/booking-requests/${request.id}/submit`, orderer, {});
  const offered = await call(`/booking-requests/${request.id}/offers`, coordinator, {
    expertIds: [expert.id],
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
  if (!Array.isArray(offered)) throw new Error(`the offer was refused: ${JSON.stringify(offered)}`);

  const browser = await launchChromium({ optimisingCompilers: true });
  const results: {
    jsTransferred: number;
    jsGzip: number;
    jsRaw: number;
    scripts: number;
    rendered: number;
    usable: number;
  }[] = [];
  for (let run = 0; run <= runs; run++) {
    const context = await signedInContext(browser, BASE, expert, { width: 390, height: 844 });
    const page = await context.newPage();
    const scripts: { url: string; bytes: Promise<number> }[] = [];
    page.on('requestfinished', (req) => {
      if (req.resourceType() !== 'script') return;
      scripts.push({ url: req.url(), bytes: req.sizes().then((s) => s.responseBodySize) });
    });
    await page.goto('/');
    await page
      .waitForFunction(
        (title) =>
          document.querySelector('h1')?.textContent === title &&
          document.querySelector('#home-offers') !== null &&
          document.querySelector('main [role="progressbar"], main .fi-loadingSpinner') === null &&
          document.querySelectorAll('main .card-list li').length > 0,
        fi.home.title,
        { polling: 'raf', timeout: 15_000 },
      )
      .catch(async (error: unknown) => {
        console.error(
          `the home did not become usable; the page shows: ${(
            await page
              .locator('main')
              .innerText()
              .catch(() => '')
          ).slice(0, 400)}`,
        );
        throw error;
      });
    const rendered = await page.evaluate(() => performance.now());
    const usable = await page.evaluate(
      () => new Promise<number>((resolve) => requestIdleCallback(() => resolve(performance.now()))),
    );
    // Where the time went: the HTML, the scripts parsed and run, the API's answers (the session restored through
    // the cookie, then the home's four lists).
    const phases = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const api = resources.filter((r) => new URL(r.name).pathname.startsWith('/api/'));
      const scriptsDone = resources.filter((r) => r.name.endsWith('.js'));
      return {
        html: Math.round(nav.responseEnd),
        domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
        scripts: Math.round(Math.max(0, ...scriptsDone.map((r) => r.responseEnd))),
        firstApi: Math.round(Math.min(...api.map((r) => r.startTime))),
        lastApi: Math.round(Math.max(0, ...api.map((r) => r.responseEnd))),
        apiCalls: api.length,
        apiPaths: api.map((r) => new URL(r.name).pathname + new URL(r.name).search),
      };
    });
    const paths = scripts.map((s) => new URL(s.url).pathname);
    const jsTransferred = (await Promise.all(scripts.map((s) => s.bytes))).reduce((a, b) => a + b, 0);
    const bytesOf = (path: string) => readFileSync(join(DIST, path));
    // Gzip as the build writes it (level 9); files under 1 KB are not precompressed and travel as they are.
    const jsGzip = paths.reduce((sum, p) => sum + gzipSync(bytesOf(p), { level: 9 }).length, 0);
    const jsRaw = paths.reduce((sum, p) => sum + bytesOf(p).length, 0);
    const result = { jsTransferred, jsGzip, jsRaw, scripts: scripts.length, rendered, usable };
    console.log(
      `${run === 0 ? 'warm-up' : `run ${run}`}: ${result.scripts} scripts, JS ${kb(jsTransferred)} transferred (brotli), ${kb(jsGzip)} gzip, ${kb(jsRaw)} uncompressed; ` +
        `home rendered at ${rendered.toFixed(0)} ms, usable (main thread idle) at ${usable.toFixed(0)} ms ` +
        `(HTML ${phases.html} ms, last script ${phases.scripts} ms, first API call ${phases.firstApi} ms, ${phases.apiCalls} API calls done at ${phases.lastApi} ms)`,
    );
    if (run === 0) console.log(`  API calls of the load: ${phases.apiPaths.join(', ')}`);
    if (run > 0) results.push(result);
    await context.close();
  }
  console.log(
    `median of ${runs}: JS ${kb(median(results.map((r) => r.jsTransferred)))} transferred (brotli), ${kb(median(results.map((r) => r.jsGzip)))} gzip ` +
      `(target ≤ 200 KB), ${kb(median(results.map((r) => r.jsRaw)))} uncompressed; usable at ${median(results.map((r) => r.usable)).toFixed(0)} ms (target < 1000 ms); ` +
      `load average ${loadAverage()}`,
  );
  await browser.close();
  await app.close();
}

runBench(main);
