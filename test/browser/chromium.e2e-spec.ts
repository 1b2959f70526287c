import { type Browser, chromium } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  launchChromium,
  OUR_DISABLED_FEATURES,
  PLAYWRIGHT_DISABLED_FEATURES,
} from '../utils/chromium';

// The browser of the browser specs (test/utils/chromium.ts): our `--disable-features` replaces Playwright's, since
// Chromium reads only the last one, so it must repeat Playwright's list, and the features it adds must take effect.
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
});
