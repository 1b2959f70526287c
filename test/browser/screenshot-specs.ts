import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { TestAppOptions } from '../utils/test-app';
import { startWebApp, WebApp } from './browser';
import { TEXTS, Texts } from './texts';

// The screenshot specs: not tests, but pictures of screens at 1280 and 360 px in Finnish and Swedish for a person
// to look at, taken only with SCREENSHOT_DIR set (SCREENSHOT_DIR=/tmp/shots npx jest test/browser/screenshots).

export interface Pictures<S> {
  web: WebApp;
  language: 'fi' | 'sv';
  text: Texts;
  // What `setUp` made once for both languages.
  made: S;
  // The page as it is now, as `<name>-<language>-<width>.png` in SCREENSHOT_DIR (the whole page unless told).
  picture(page: Page, name: string, width: number, options?: { fullPage: boolean }): Promise<unknown>;
}

// One app for the spec (`app` its options), made ready by `setUp`; then `pictures`, in Finnish and in Swedish,
// each a test of its own ('in fi', 'in sv') with `timeout`. Without SCREENSHOT_DIR the spec is skipped.
export function describeScreenshots<S = void>(
  title: string,
  options: { timeout: number; app?: TestAppOptions; setUp?: (web: WebApp) => Promise<S>; setUpTimeout?: number },
  pictures: (p: Pictures<S>) => Promise<void>,
): void {
  const dir = process.env.SCREENSHOT_DIR;
  (dir ? describe : describe.skip)(title, () => {
    let web: WebApp;
    let made: S;
    beforeAll(async () => {
      web = await startWebApp(options.app);
      mkdirSync(dir!, { recursive: true });
      if (options.setUp) made = await options.setUp(web);
    }, options.setUpTimeout ?? 120_000);
    afterAll(() => web?.close());

    it.each(['fi', 'sv'] as const)(
      'in %s',
      (language) =>
        pictures({
          web,
          language,
          text: TEXTS[language],
          made,
          picture: (page, name, width, { fullPage } = { fullPage: true }) =>
            page.screenshot({ path: join(dir!, `${name}-${language}-${width}.png`), fullPage }),
        }),
      options.timeout,
    );
  });
}
