import type { AxeResults, RunOptions } from 'axe-core';
import { source as AXE_SOURCE } from 'axe-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureWebBuild } from '../../scripts/web-build';
import { launchChromium } from '../utils/chromium';
import { createTestApp, TestApp, TestAppOptions } from '../utils/test-app';
import { asUser } from '../utils/as-user';

// Browser tests: Debian's Chromium (no browser download) against the real API on PostgreSQL and Redis with
// its workers, serving the built web app on a free port; mail is captured like in every other spec.

// What axe checks: the WCAG 2.0/2.1 A and AA rules and, beside them, the best-practice rule that no two landmarks of
// a kind share a name (a screen reader's list of regions is then one a person can use). Only violations are looked
// at: axe lists every node only for them (a third less CPU than listing all results).
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  rules: { 'landmark-unique': { enabled: true } },
  resultTypes: ['violations'],
};
export type WebLanguage = 'fi' | 'sv' | 'en';
const LOCALES: Record<WebLanguage, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export interface WebApp {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  // A page in a browser profile of its own for this test (no cookies, no storage, no permissions) whose browser
  // asks for this language. `ownContext`: a profile used by no other test, for a test that changes what clearing
  // cannot undo (it installs a fake clock, routes requests, goes offline).
  newPage(language: WebLanguage, width?: number, options?: { ownContext?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

// The browser profiles of a spec, each with one page, are lent to one test at a time and kept between tests: after a
// test its page rests on RESTING_PATH, and the next borrower gets it with cookies, the origin's storage, permissions,
// listeners and routes cleared (no session, no stored language). What is kept is the renderer process with the
// app's scripts compiled and the browser's cache: a fresh profile and page for every test cost about two seconds of
// CPU more on CI's two cores, where the browser specs are CPU-bound.
interface Profile {
  context: BrowserContext;
  page?: Page;
  language: WebLanguage;
  lent: boolean;
  shared: boolean;
}
const LIVE_APPS = new Set<{ endTest(): Promise<void> }>();
// Registered in every spec that imports this file: after each test (and each attempt of a retried one), the pages
// it used go back to the pool.
if (typeof afterEach === 'function') {
  afterEach(async () => {
    for (const app of LIVE_APPS) await app.endTest();
  });
}
// Where a lent page rests between tests: a document of the app's own origin that runs none of the app (the API's
// health answer). A page sent to about:blank and then back to the app changed renderer process twice a test (a
// navigation the browser starts to another site gets a process of its own): a spec of 40 sign-ins took 49 and 50 s
// of the machine's CPU so, 35 and 34 s resting on the origin, where the page keeps its process.
const RESTING_PATH = '/health';
// What the app may keep in the browser for its origin: all of it, but the HTTP cache.
const ORIGIN_STORAGE = 'cookies,local_storage,session_storage,indexeddb,cache_storage,service_workers,file_systems';
const TIMEOUT = 15_000;

// The browser specs are grouped a file per person (test/browser/<person>.e2e-spec.ts importing the specs in
// test/browser/<person>/), and the specs of a file share one app, one Chromium and its profiles: the first spec that
// asks starts them, and they close after the file's last test. A start of its own cost each spec about 8 s of CPU
// on CI's two cores (Jest loading the app's modules, the app's boot, Chromium's launch). What one spec leaves in the
// database the next one may see, as it always was for the specs that a Jest worker runs one after another.
let shared: Promise<WebApp> | undefined;
export function sharedWebApp(): Promise<WebApp> {
  shared ??= startWebApp();
  return shared;
}
if (typeof afterAll === 'function') {
  afterAll(async () => {
    const started = shared;
    shared = undefined;
    await (await started?.catch(() => undefined))?.close();
  });
}

export async function startWebApp(options: TestAppOptions = {}): Promise<WebApp> {
  // The API serves web/dist only if it exists when the app starts: built first, if its sources changed.
  ensureWebBuild({ quiet: true });
  const t = await createTestApp(options);
  await t.app.listen(0, '127.0.0.1');
  const address = t.app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await launchChromium();
  const profiles: Profile[] = [];
  const pool = {
    async endTest() {
      // The API's clock too: a test that moved it never moves the next one's.
      t.clock.reset();
      for (const profile of profiles.filter((p) => p.lent)) {
        profile.lent = false;
        // A profile that a test had for itself is not lent again.
        if (!profile.shared) {
          profiles.splice(profiles.indexOf(profile), 1);
          await profile.context.close().catch(() => undefined);
          continue;
        }
        // Nothing of the test goes on running: other pages close, the kept one leaves the app.
        for (const page of profile.context.pages()) {
          if (page !== profile.page) await page.close().catch(() => undefined);
        }
        await profile.page?.goto(RESTING_PATH).catch(() => (profile.page = undefined));
      }
    },
  };
  LIVE_APPS.add(pool);
  async function borrow(language: WebLanguage, shared: boolean): Promise<Profile> {
    const kept = shared ? profiles.find((p) => p.shared && !p.lent && p.language === language) : undefined;
    if (kept) {
      kept.lent = true;
      return kept;
    }
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: LOCALES[language],
      viewport: { width: 1280, height: 900 },
      timezoneId: 'Europe/Helsinki',
    });
    context.setDefaultTimeout(TIMEOUT);
    // The pages see a browser without a PDF viewer, as a phone's Chromium is, and offer the PDF as a download: the
    // viewer (an extension's page in a renderer of its own) held up the journeys on CI's two cores. The viewer itself,
    // under the app's content security policy, has a test of its own in public-pages.e2e-spec.ts.
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'pdfViewerEnabled', { get: () => false, configurable: true }),
    );
    const profile: Profile = { context, language, lent: true, shared };
    profiles.push(profile);
    return profile;
  }
  // The page of a borrowed profile as a new one would be: what a test may have changed on it is undone.
  async function reset(page: Page): Promise<void> {
    page.removeAllListeners();
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.setExtraHTTPHeaders({});
    await page.emulateMedia({ media: null, colorScheme: null, reducedMotion: null, forcedColors: null });
    page.setDefaultTimeout(TIMEOUT);
    page.setDefaultNavigationTimeout(TIMEOUT);
    if (new URL(page.url()).pathname !== RESTING_PATH) await page.goto(RESTING_PATH);
  }
  return {
    t,
    baseUrl,
    browser,
    async newPage(language, width = 1280, options = {}) {
      const profile = await borrow(language, !options.ownContext);
      const { context } = profile;
      await Promise.all([context.clearCookies(), context.clearPermissions()]);
      if (profile.page && !profile.page.isClosed()) await reset(profile.page);
      else profile.page = await context.newPage();
      const page = profile.page;
      const cdp = await context.newCDPSession(page);
      await cdp.send('Storage.clearDataForOrigin', { origin: baseUrl, storageTypes: ORIGIN_STORAGE });
      await cdp.detach();
      await page.setViewportSize({ width, height: 900 });
      return page;
    },
    async close() {
      LIVE_APPS.delete(pool);
      await Promise.all(profiles.map((p) => p.context.close().catch(() => undefined)));
      await browser.close();
      await t.close();
    },
  };
}

// axe on the page as it is now: no violation of the rules of AXE_OPTIONS. axe-core goes into a document once (a check
// after a client-side navigation reuses it) and runs there with axe.run, whose answer is boiled down in the page to
// what a failure names: each violated rule and its nodes. @axe-core/playwright did the same in its legacy mode with
// six more round trips and the whole answer carried out of the page, 84 ms a check on CI's machine (57 checks in the
// admin's specs: 4.8 s); its default mode injects axe twice more and opens a blank page to merge the frames'
// results. The app has no iframes; a frame of another origin would be reported untested.
export async function expectAccessible(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    const loaded = await frame.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function');
    if (!loaded) await frame.evaluate(AXE_SOURCE);
  }
  const violations = await page.evaluate(async (options) => {
    const { axe } = window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } };
    const results = await axe.run(document, options);
    return results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, AXE_OPTIONS);
  expect(violations).toEqual([]);
}

// At 320 CSS pixels wide the page never scrolls sideways (WCAG 1.4.10 reflow). Data tables are the criterion's
// exception: inside a box of their own that scrolls (`scrollBoxes`, a selector) they may be wider than the page.
export async function expectNoSidewaysScroll(page: Page, scrollBoxes?: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate((boxes) => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => !(boxes && el.parentElement?.closest(boxes)))
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 40)}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  }, scrollBoxes);
  expect(overflow).toEqual({ scrollWidth: overflow.clientWidth, clientWidth: overflow.clientWidth, wide: [] });
  if (before) await page.setViewportSize(before);
}

// A tab come back to (the `visibilitychange` its browser sends) whose read again fails: the test aborts the requests
// to `pathname` with page.route, and the page's clock is installed. The app retries a failed read once, a second
// later by the page's clock: that clock is run on once the first read has failed. Run on before, as these tests
// once did, it passed before the retry was due, and the retry came a second later in real time.
export async function backInTabReadFails(page: Page, pathname: string): Promise<void> {
  const failed = page.waitForEvent('requestfailed', (request) => new URL(request.url()).pathname === pathname);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  await failed;
  await page.clock.runFor(5_000);
}

// The h1 a page shows once it has loaded.
// The first POST to `url` (a glob) reaches the API, which does its work, but its answer never reaches the browser:
// the connection drops on the way back. Returns how many answers were lost (one, once it has happened). For a page
// in a profile of its own (`ownContext`): its requests are routed.
export async function loseFirstAnswer(page: Page, url: string): Promise<() => number> {
  let lost = 0;
  await page.route(url, async (route) => {
    if (route.request().method() !== 'POST' || lost > 0) return route.fallback();
    lost++;
    await route.fetch();
    await route.abort('connectionreset');
  });
  return () => lost;
}

export async function expectPage(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

export async function signIn(
  page: Page,
  user: { email: string; password: string },
  labels: { email: string; password: string; submit: string },
): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(labels.email).fill(user.email);
  await page.getByLabel(labels.password, { exact: true }).fill(user.password);
  await page.getByRole('button', { name: labels.submit }).click();
}

// The link of the last mail to this address, as a path of the web app (the mail carries PUBLIC_URL).
export async function mailedLink(t: TestApp, to: string, pathPrefix: string): Promise<string> {
  const mail = await t.mail.waitFor((m) => m.to === to && m.text.includes(`${pathPrefix}#token=`), 20_000);
  const match = new RegExp(`https?://[^/\\s]+(${pathPrefix}#token=[A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`No ${pathPrefix} link in the mail to ${to}`);
  return match[1];
}

// The county's side of an offer, done through the API: the orderer orders (two hours at startsAt, in Vaasa, in
// the expert's language) and the coordinator offers the work to the expert, to be answered by the day before.
export async function orderAndOffer(
  t: TestApp,
  parties: { ordererToken: string; coordinatorToken: string; unitId: string },
  work: { expertId: string; language: 'fi' | 'sv'; title: string; startsAt: Date },
): Promise<string> {
  const post = (token: string, path: string, body: object = {}) => asUser(() => t.http)(token).post(path, body);
  const order = await post(parties.ordererToken, '/booking-requests', {
    organisationId: parties.unitId,
    taskType: 'working_group',
    title: work.title,
    description:
      work.language === 'fi'
        ? 'Kehitämme yhdessä poliklinikan ajanvarausta.'
        : 'Vi utvecklar tidsbokningen vid polikliniken tillsammans.',
    startsAt: work.startsAt.toISOString(),
    endsAt: new Date(work.startsAt.getTime() + 2 * 3_600_000).toISOString(),
    remote: false,
    municipality: '905',
    address: 'Hietalahdenkatu 2',
    languages: [work.language],
    topics: [],
    expertsNeeded: 1,
    preparationHours: 1,
  }).expect(201);
  await post(parties.ordererToken, `/booking-requests/${order.body.id}/submit`).expect(200);
  const deadline = new Date(work.startsAt.getTime() - 24 * 3_600_000).toISOString();
  const offers = await post(parties.coordinatorToken, `/booking-requests/${order.body.id}/offers`, {
    expertIds: [work.expertId],
    deadline,
  }).expect(201);
  return offers.body[0].id as string;
}

// The first whole hour at least 26 hours ahead that starts between 08 and 18 in Helsinki: at most 40 hours ahead
// whatever the time of the run, so a two-hour order fits the expert's 06–22 windows and falls inside the 48 hours.
export function daytimeWithin48h(): Date {
  const hour = (d: Date) =>
    Number(
      new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Helsinki' }).format(d),
    );
  let at = new Date(Math.ceil((Date.now() + 26 * 3_600_000) / 3_600_000) * 3_600_000);
  while (hour(at) < 8 || hour(at) > 18) at = new Date(at.getTime() + 3_600_000);
  return at;
}

// With SCREENSHOT_DIR set, the page as it is now is also pictured at 1280 and 360 px (or `widths`) for a person to
// look at (`<name>-<language>-<width>.png`); the page keeps its size. `prepare` runs at each width before the
// picture (a chart's tooltip closed).
export async function shot(
  page: Page,
  name: string,
  language: string,
  options: { widths?: readonly number[]; prepare?: (page: Page) => Promise<void> } = {},
): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const before = page.viewportSize();
  for (const width of options.widths ?? [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await options.prepare?.(page);
    // The window as tall as the page, then the picture: a page taller than the window would make Chromium picture
    // it beyond the window (captureBeyondViewport), laying the page out again for a moment at 1 px by 1 px. What
    // follows the width would follow that too: the menu folded below 64 rem and was built anew, and a focus that was
    // in it fell to the body, so that a test's next key after a picture of a focused menu link did nothing.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    if (height > 900) await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(dir, `${name}-${language}-${width}.png`), fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}
