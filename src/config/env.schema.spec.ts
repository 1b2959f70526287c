import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseDatabaseMode } from './database-mode';
import { parseEnv } from './env.schema';

const SECRETS = {
  JWT_SECRET: 'x'.repeat(32),
  ENCRYPTION_KEY: 'k1:MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=',
};
const DB = 'postgres://postgres@127.0.0.1:5432/kokemus';
const REDIS = 'redis://127.0.0.1:6379';
const SMTP = 'smtp://127.0.0.1:1025';
const OWN_KEY = Buffer.alloc(32, 7).toString('base64');

describe('database mode', () => {
  it.each([
    ['nothing set, development', {}, true],
    ['nothing set, NODE_ENV unset means development', { NODE_ENV: undefined }, true],
    ['nothing set, test', { NODE_ENV: 'test' }, true],
    ['both URLs set', { DATABASE_URL: DB, REDIS_URL: REDIS }, false],
    ['only DATABASE_URL set', { DATABASE_URL: DB }, false],
    ['only REDIS_URL set', { REDIS_URL: REDIS }, false],
    ['production with nothing set', { NODE_ENV: 'production' }, false],
    ['production, KOKEMUS_EMBEDDED=true', { NODE_ENV: 'production', KOKEMUS_EMBEDDED: 'true' }, true],
    ['KOKEMUS_EMBEDDED=false with nothing set', { KOKEMUS_EMBEDDED: 'false' }, false],
  ])('%s → embedded %s', (_, env, embedded) => {
    expect(chooseDatabaseMode(env as NodeJS.ProcessEnv)).toEqual({ ok: true, embedded });
  });

  it('refuses KOKEMUS_EMBEDDED=true beside a REDIS_URL', () => {
    expect(chooseDatabaseMode({ KOKEMUS_EMBEDDED: 'true', REDIS_URL: REDIS })).toEqual({
      ok: false,
      message: expect.stringMatching(/REDIS_URL is set/),
    });
  });

  it('refuses a KOKEMUS_EMBEDDED that is neither true nor false', () => {
    expect(chooseDatabaseMode({ KOKEMUS_EMBEDDED: 'yes' })).toEqual({
      ok: false,
      message: 'Configuration error: KOKEMUS_EMBEDDED must be true or false',
    });
  });
});

describe('TRUST_PROXY', () => {
  const parse = (TRUST_PROXY?: string) =>
    parseEnv({ ...SECRETS, DATABASE_URL: DB, REDIS_URL: REDIS, SMTP_URL: SMTP, TRUST_PROXY });

  it('trusts no forwarded address by default', () => {
    expect(parse(undefined)).toMatchObject({ ok: true, env: { TRUST_PROXY: false } });
  });

  it.each([
    ['false', false],
    ['off', false],
    ['2', 2],
    ['127.0.0.1', ['127.0.0.1']],
    ['10.0.0.0/8, 192.168.1.10 ,::1,fd00::/8', ['10.0.0.0/8', '192.168.1.10', '::1', 'fd00::/8']],
    ['loopback,uniquelocal', ['loopback', 'uniquelocal']],
  ])('reads %s', (value, expected) => {
    expect(parse(value)).toMatchObject({ ok: true, env: { TRUST_PROXY: expected } });
  });

  it.each(['true', '*', '300.1.1.1', '10.0.0.0/33', 'proxy.example.org', '11', '10.0.0.1/8/2'])(
    'refuses %s, naming the variable',
    (value) => {
      expect(parse(value)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/^Configuration error: TRUST_PROXY must be false \(off\), a hop count/),
      });
    },
  );
});

describe('parseEnv', () => {
  it('runs on real PostgreSQL and Redis when both are set, as before', () => {
    const parsed = parseEnv({ ...SECRETS, DATABASE_URL: DB, REDIS_URL: REDIS, SMTP_URL: SMTP });
    expect(parsed).toMatchObject({
      ok: true,
      env: { KOKEMUS_EMBEDDED: false, DATABASE_URL: DB, REDIS_URL: REDIS, SMTP_URL: SMTP, DATA_DIR: './data' },
    });
  });

  it.each([
    [
      { DATABASE_URL: DB },
      'Configuration error: REDIS_URL is missing (DATABASE_URL is set: set both, or neither to try Kokemus in the embedded mode)',
    ],
    [
      { REDIS_URL: REDIS },
      'Configuration error: DATABASE_URL is missing (REDIS_URL is set: set both, or neither to try Kokemus in the embedded mode)',
    ],
    [{ DATABASE_URL: DB, NODE_ENV: 'production' }, 'Configuration error: REDIS_URL is missing'],
  ])('names the missing URL when only one is set: %o', (urls, message) => {
    expect(parseEnv({ ...SECRETS, SMTP_URL: SMTP, ...urls })).toEqual({ ok: false, message });
  });

  it('keeps a missing DATABASE_URL a configuration error in production', () => {
    expect(parseEnv({ ...SECRETS, SMTP_URL: SMTP, NODE_ENV: 'production' })).toEqual({
      ok: false,
      message: 'Configuration error: DATABASE_URL is missing',
    });
  });

  it('mails accessibility feedback to a configured address, with a default, and refuses one that is not an address', () => {
    const base = { ...SECRETS, DATABASE_URL: DB, REDIS_URL: REDIS, SMTP_URL: SMTP };
    expect(parseEnv(base)).toMatchObject({
      ok: true,
      env: { ACCESSIBILITY_FEEDBACK_EMAIL: 'saavutettavuus@ostrobothnia.invalid' },
    });
    expect(parseEnv({ ...base, ACCESSIBILITY_FEEDBACK_EMAIL: 'palaute@ovph.fi' })).toMatchObject({
      ok: true,
      env: { ACCESSIBILITY_FEEDBACK_EMAIL: 'palaute@ovph.fi' },
    });
    expect(parseEnv({ ...base, ACCESSIBILITY_FEEDBACK_EMAIL: 'coordinator' })).toEqual({
      ok: false,
      message: 'Configuration error: ACCESSIBILITY_FEEDBACK_EMAIL must be an e-mail address',
    });
  });

  it('requires SMTP_URL in production', () => {
    expect(parseEnv({ ...SECRETS, DATABASE_URL: DB, REDIS_URL: REDIS, NODE_ENV: 'production' })).toEqual({
      ok: false,
      message: expect.stringMatching(/^Configuration error: SMTP_URL is missing/),
    });
  });

  it('runs without SMTP_URL outside production (mail is then written to files)', () => {
    const parsed = parseEnv({ ...SECRETS, DATABASE_URL: DB, REDIS_URL: REDIS });
    expect(parsed).toMatchObject({ ok: true, env: { KOKEMUS_EMBEDDED: false } });
    expect(parsed.ok && parsed.env.SMTP_URL).toBeUndefined();
  });

  it.each([
    ['only PORT', { PORT: '4100' }, 4100, 'http://localhost:4100'],
    ['neither', {}, 3000, 'http://localhost:3000'],
    ['both', { PORT: '4100', PUBLIC_URL: 'https://kokemus.example.fi' }, 4100, 'https://kokemus.example.fi'],
    ['only a local PUBLIC_URL with a port', { PUBLIC_URL: 'http://localhost:4200' }, 4200, 'http://localhost:4200'],
    [
      'only a public PUBLIC_URL (behind a proxy)',
      { PUBLIC_URL: 'https://kokemus.example.fi:8443' },
      3000,
      'https://kokemus.example.fi:8443',
    ],
    // Mails append paths to it: "https://kokemus.example.fi//set-password#token=…" would open no page.
    [
      'a PUBLIC_URL written with a trailing slash',
      { PUBLIC_URL: 'https://kokemus.example.fi/' },
      3000,
      'https://kokemus.example.fi',
    ],
    ['a PUBLIC_URL under a path', { PUBLIC_URL: 'https://example.fi/kokemus//' }, 3000, 'https://example.fi/kokemus'],
  ])('derives PORT and PUBLIC_URL from each other: %s', (_, given, port, url) => {
    const parsed = parseEnv({ ...SECRETS, DATABASE_URL: DB, REDIS_URL: REDIS, SMTP_URL: SMTP, ...given });
    expect(parsed).toMatchObject({ ok: true, env: { PORT: port, PUBLIC_URL: url } });
  });

  describe('in production, refuses the secrets printed in .env.example', () => {
    const example = Object.fromEntries(
      readFileSync(join(__dirname, '../../.env.example'), 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    const production = { DATABASE_URL: DB, REDIS_URL: REDIS, SMTP_URL: SMTP, NODE_ENV: 'production' };

    it.each(['JWT_SECRET', 'ENCRYPTION_KEY'])('%s', (name) => {
      expect(example[name]).toBeDefined();
      expect(parseEnv({ ...production, ...SECRETS, [name]: example[name] })).toEqual({
        ok: false,
        message: `Configuration error: ${name} is the public example value; production needs a secret of its own`,
      });
    });

    it('whatever key id the example key is given, and among other keys', () => {
      const key = example.ENCRYPTION_KEY.split(':')[1];
      expect(parseEnv({ ...production, ...SECRETS, ENCRYPTION_KEY: `k2:${OWN_KEY},old:${key}` })).toMatchObject({
        ok: false,
      });
    });

    it('and takes secrets of its own', () => {
      expect(parseEnv({ ...production, JWT_SECRET: 'y'.repeat(40), ENCRYPTION_KEY: `k2:${OWN_KEY}` })).toMatchObject({
        ok: true,
      });
    });
  });

  it('treats an empty URL as unset', () => {
    expect(parseEnv({ ...SECRETS, DATABASE_URL: DB, REDIS_URL: '', SMTP_URL: SMTP })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Configuration error: REDIS_URL is missing/),
    });
  });

  it('in the embedded mode, takes the database started by main.ts and needs no Redis or SMTP', () => {
    const parsed = parseEnv({
      ...SECRETS,
      KOKEMUS_EMBEDDED: 'true',
      DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:40000/postgres',
      DATA_DIR: '/tmp/k',
    });
    expect(parsed).toMatchObject({ ok: true, env: { KOKEMUS_EMBEDDED: true, DATA_DIR: '/tmp/k' } });
    expect(parsed.ok && [parsed.env.REDIS_URL, parsed.env.SMTP_URL]).toEqual([undefined, undefined]);
  });

  it('in the embedded mode, tells first that only npm start starts the database (as the worker or the CLI would meet it)', () => {
    expect(parseEnv({})).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^Configuration error: DATABASE_URL is missing; the embedded database is started by `npm start` only/,
      ),
    });
  });
});
