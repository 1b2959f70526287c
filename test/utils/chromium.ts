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
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
