import { cookiesAreSecure } from './session-cookies.service';

describe('Secure attribute of the session cookies', () => {
  it.each([
    ['https://kokemus.pohjanmaa.fi', 'production', true],
    ['https://kokemus.pohjanmaa.fi', 'development', true],
    ['https://localhost:3000', 'development', true],
    // Production over plain HTTP keeps Secure: the browser refuses the cookie rather than sending it in clear.
    ['http://kokemus.pohjanmaa.fi', 'production', true],
    ['http://localhost:3000', 'production', false],
    ['http://127.0.0.1:3000', 'production', false],
    ['http://[::1]:3000', 'production', false],
    ['http://localhost:3000', 'development', false],
    ['http://192.168.1.20:3000', 'development', false],
    ['http://kokemus.test', 'test', false],
  ])('%s with NODE_ENV=%s → Secure %s', (url, nodeEnv, secure) => {
    expect(cookiesAreSecure(url, nodeEnv)).toBe(secure);
  });
});
