import { createTestApp, TestApp, TestAppOptions } from '../../utils/test-app';

// A describe's own app: `const t = accountsApp();` boots it before the describe's first test and closes it after
// its last. One app is not shared by several describes: passport keeps one 'jwt' strategy for the whole process,
// the last booted app's, so an app that outlived another would check tokens on the closed one's database.
export function accountsApp(options: TestAppOptions = {}): TestApp {
  const t = {} as TestApp;
  beforeAll(async () => {
    Object.assign(t, await createTestApp(options));
  });
  afterAll(() => t.close());
  return t;
}

// The body of a sign-in or a refresh; with a cookie session the refresh token travels in the cookie alone.
export function tokenBody(refreshToken: 'in body' | 'in cookie'): Record<string, unknown> {
  const tokens = {
    accessToken: expect.any(String),
    tokenType: 'Bearer',
    expiresIn: 900,
    sessionExpiresAt: expect.any(String),
  };
  return refreshToken === 'in body' ? { ...tokens, refreshToken: expect.any(String) } : tokens;
}
