// A browser journey drives a real Chromium against the real API and its worker on a machine CI shares: in CI a
// failed journey is run once more, and the first failure is printed above the result so it is never hidden.
// API, unit and middle-tier specs never retry.
if (process.env.CI && expect.getState().testPath?.includes('/test/browser/')) {
  jest.retryTimes(1, { logErrorsBeforeRetry: true });
}
