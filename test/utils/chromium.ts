import { type Browser, chromium } from 'playwright-core';

// Debian's Chromium (no browser download), headless, without the background traffic of a desktop profile: the
// browser of the browser specs and of the browser benches.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The features Playwright (1.65) turns off with its own `--disable-features`. Chromium reads only the last
// `--disable-features` switch, so ours repeats Playwright's list; test/browser/chromium.e2e-spec.ts fails when
// Playwright's list changes.
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

// Headless Chromium still builds the address bar's two pop-ups (chrome://omnibox-popup.top-chrome) as web pages
// in a renderer of their own for every browser context: about 1.3 s of CPU a context that no test looks at
// (no-shows' two tests: 27.0 s of CPU with them, 23.4 s without).
export const OUR_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

// V8's optimising compilers (Maglev and TurboFan) are off in the pages: a test's page lives for seconds, too short
// for optimised code to pay back its compiling, which ran on the renderer's worker threads (a traced expert spec:
// 3.2 s of 7.0 s there). The coordinator's browser specs in band: 118.0 and 108.2 s of CPU with them, 99.8, 96.2 and
// 101.7 s without; the interpreter alone (`--jitless`, 97.5 s) or V8's lite mode (98.3 s) gained no more, and only
// Maglev off (121.8 s) nothing. test/browser/chromium.e2e-spec.ts asks V8 itself whether a function may be optimised.
export const V8_FLAGS = ['--no-maglev', '--no-turbofan'];

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OUR_DISABLED_FEATURES].join(',')}`,
  `--js-flags=${V8_FLAGS.join(' ')}`,
];

// `optimisingCompilers`: V8 as in a person's browser, for the benches that time what a person waits for.
export function launchChromium(options: { optimisingCompilers?: boolean } = {}): Promise<Browser> {
  const args = options.optimisingCompilers ? CHROMIUM_ARGS.filter((a) => !a.startsWith('--js-flags=')) : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: CHROMIUM, args });
}
