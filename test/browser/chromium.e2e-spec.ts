import { stripVTControlCharacters } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  launchChromium,
  OUR_DISABLED_FEATURES,
  PLAYWRIGHT_DISABLED_FEATURES,
  V8_FLAGS,
} from '../utils/chromium';
import { expectAccessible } from './browser';

// The browser of the browser specs (test/utils/chromium.ts): our `--disable-features` replaces Playwright's, since
// Chromium reads only the last one, so it must repeat Playwright's list, and the features it adds must take effect;
// V8's flags too; and the accessibility check the specs run on its pages (expectAccessible) finds what it should.
describe('the Chromium of the browser specs', () => {
  async function commandLine(browser: Browser): Promise<string[]> {
    const cdp = await browser.newBrowserCDPSession();
    const { arguments: args } = await cdp.send('Browser.getBrowserCommandLine');
    await cdp.detach();
    return args;
  }
  const disabledFeatures = (args: string[]): string[][] =>
    args.filter((a) => a.startsWith('--disable-features=')).map((a) => a.split('=')[1].split(','));

  it('repeats the features Playwright turns off', async () => {
    // Only with --enable-automation does Chromium tell its command line over CDP.
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--enable-automation'] });
    try {
      const [playwrights] = disabledFeatures(await commandLine(browser));
      expect([...playwrights].sort()).toEqual([...PLAYWRIGHT_DISABLED_FEATURES].sort());
    } finally {
      await browser.close();
    }
  });

  it("turns off the address bar's pop-ups too, which then have no pages", async () => {
    expect(CHROMIUM_ARGS.filter((a) => a.startsWith('--disable-features='))).toEqual([
      `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OUR_DISABLED_FEATURES].join(',')}`,
    ]);
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext()).newPage();
      await page.setContent('<p>A page</p>');
      const cdp = await browser.newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      await cdp.detach();
      expect(targetInfos.filter((t) => t.url.startsWith('chrome://'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("runs the pages without V8's optimising compilers", async () => {
    // V8's natives syntax (allowed only here) asks V8 itself whether a hot function may ever be optimised.
    const NEVER_OPTIMIZE = 1 << 1;
    async function optimizationStatus(v8Flags: string[]): Promise<number> {
      const args = CHROMIUM_ARGS.filter((a) => !a.startsWith('--js-flags='));
      const jsFlags = `--js-flags=${[...v8Flags, '--allow-natives-syntax'].join(' ')}`;
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...args, jsFlags] });
      try {
        const page = await (await browser.newContext()).newPage();
        await page.setContent('<p>A page</p>');
        return await page.evaluate<number>(
          '(() => { function f(x) { return x + 1; } %PrepareFunctionForOptimization(f); f(1); f(2); ' +
            '%OptimizeFunctionOnNextCall(f); f(3); return %GetOptimizationStatus(f); })()',
        );
      } finally {
        await browser.close();
      }
    }
    expect(CHROMIUM_ARGS).toContain(`--js-flags=${V8_FLAGS.join(' ')}`);
    expect((await optimizationStatus(V8_FLAGS)) & NEVER_OPTIMIZE).toBe(NEVER_OPTIMIZE);
    // V8 left to itself would optimise it.
    expect((await optimizationStatus([])) & NEVER_OPTIMIZE).toBe(0);
  });

  it('has axe find what breaks its rules, in a new document and after a change to a checked one', async () => {
    // What a failed check names: each rule with its nodes, read off the failure's message.
    const violations = (page: Page) =>
      expectAccessible(page).then(
        () => [],
        (e: Error) =>
          [
            ...stripVTControlCharacters(e.message).matchAll(/"nodes": Array \[([^\]]*)\],\s*\+\s*"rule": "([a-z-]+)"/g),
          ].map(([, nodes, rule]) => `${rule}: ${[...nodes.matchAll(/"([^"]+)"/g)].map((m) => m[1]).join(', ')}`),
      );
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext()).newPage();
      await page.setContent(
        '<html lang="fi"><head><title>Sivu</title></head><body><main><h1>Sivu</h1></main></body></html>',
      );
      await expectAccessible(page);
      // The same document, axe already in it: an image without a text alternative (WCAG 1.1.1).
      await page.evaluate(() => document.querySelector('main')?.insertAdjacentHTML('beforeend', '<img src="x.png">'));
      expect(await violations(page)).toEqual(['image-alt: img']);
      // A new document: two menus of one name (the best-practice rule turned on beside the WCAG ones).
      await page.setContent(
        '<html lang="fi"><head><title>Sivu</title></head><body><nav aria-label="Valikko"><a href="#a">A</a></nav>' +
          '<nav aria-label="Valikko"><a href="#b">B</a></nav><main><h1>Sivu</h1></main></body></html>',
      );
      expect(await violations(page)).toEqual(['landmark-unique: nav:nth-child(1)']);
    } finally {
      await browser.close();
    }
  });
});
