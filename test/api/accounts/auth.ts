import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import * as jwt from 'jsonwebtoken';
import { Role } from '../../../src/common/auth/role.enum';
import { AuditEventEntity } from '../../../src/modules/audit/entities/audit-event.entity';
import { LoginThrottlerStorage } from '../../../src/modules/auth/login-throttler.storage';
import { createUser, login, TestUser } from '../../factories/users.factory';
import { createTestApp, TestApp } from '../../utils/test-app';
import { accountsApp, tokenBody } from './accounts-app';

const SECRET = 'test-secret-test-secret-test-secret-0123';

// A sign-in whose X-Forwarded-For names the client.
const loginFrom = (t: TestApp, client: string, { email, password }: Pick<TestUser, 'email' | 'password'>) =>
  t.http.post('/auth/login').set('x-forwarded-for', client).send({ email, password });

const loginAudit = async (t: TestApp, actorId: string) =>
  (await t.db.query(`SELECT ip FROM audit_events WHERE actor_id = $1 AND action = 'auth.login'`, [actorId])) as {
    ip: string;
  }[];

// The HTTP side of signing in: the routes, the tokens in transport, the rate limits, the client's address and an
// invitation mailed through the queue. The rules (refusals alike, refresh rotation and reuse, a disabled account's
// sessions, what an invitation link lets one do) are test/medium/auth.ts's; the cookies, browser-session.ts's.
describe('authentication', () => {
  const t = accountsApp();

  it('logs in with the right password and answers /me', async () => {
    const user = await createUser(t.db, Role.Coordinator);
    const res = await t.http
      .post('/auth/login')
      .send({ email: user.email.toUpperCase(), password: user.password })
      .expect(200);
    expect(res.body).toEqual(tokenBody('in body'));
    expect(Buffer.from(res.body.refreshToken, 'base64url').length).toBeGreaterThanOrEqual(16);
    const claims = jwt.decode(res.body.accessToken, { complete: true })!;
    expect(claims.header.alg).toBe('HS256');
    expect(claims.payload).toMatchObject({ iss: 'kokemus', aud: 'kokemus-api', sub: user.id });
    const me = await t.http.get('/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toEqual({
      id: user.id,
      email: user.email,
      name: 'Test coordinator',
      role: 'coordinator',
      language: 'fi',
    });
    const audit = await t.db.getRepository(AuditEventEntity).findOneBy({ actorId: user.id, action: 'auth.login' });
    expect(audit?.ip).toBeTruthy();
  });

  it('answers a wrong password with 401 as problem+json', async () => {
    const user = await createUser(t.db, Role.Orderer);
    const wrong = await t.http
      .post('/auth/login')
      .send({ email: user.email, password: 'not-the-password-at-all' })
      .expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses expired, tampered, wrongly signed and alg:none tokens', async () => {
    const user = await createUser(t.db, Role.Expert);
    const good = await login(t.http, user);
    const { sid } = jwt.decode(good) as { sid: string };
    const base = { sub: user.id, sid, iss: 'kokemus', aud: 'kokemus-api' };
    const expired = jwt.sign({ ...base, exp: Math.floor(Date.now() / 1000) - 10 }, SECRET, { algorithm: 'HS256' });
    const otherKey = jwt.sign(base, 'another-secret-another-secret-another', { algorithm: 'HS256', expiresIn: 60 });
    const wrongAudience = jwt.sign({ ...base, aud: 'someone-else' }, SECRET, { algorithm: 'HS256', expiresIn: 60 });
    const none = jwt.sign(base, '', { algorithm: 'none', expiresIn: 60 } as jwt.SignOptions);
    const [h, p, s] = good.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = [
      h,
      Buffer.from(JSON.stringify({ ...payload, sub: '00000000-0000-4000-8000-000000000000' })).toString('base64url'),
      s,
    ].join('.');
    for (const token of [expired, otherKey, wrongAudience, none, tampered, 'garbage']) {
      const res = await t.http.get('/me').set('authorization', `Bearer ${token}`).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
    await t.http.get('/me').set('authorization', `Bearer ${good}`).expect(200);
  });

  it('ends the session on logout', async () => {
    const user = await createUser(t.db, Role.Orderer);
    const tokens = (await t.http.post('/auth/login').send({ email: user.email, password: user.password }).expect(200))
      .body;
    await t.http.post('/auth/logout').set('authorization', `Bearer ${tokens.accessToken}`).expect(204);
    await t.http.get('/me').set('authorization', `Bearer ${tokens.accessToken}`).expect(401);
    await t.http.post('/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
  });

  it('invites by mail through the real queue; the link sets a password', async () => {
    const admin = await createUser(t.db, Role.Admin);
    const adminToken = await login(t.http, admin);
    const email = `new-coordinator-${Date.now()}@example.test`;
    const invited = await t.http
      .post('/users')
      .set('authorization', `Bearer ${adminToken}`)
      .send({ email, name: 'Karin Österberg', role: 'coordinator', language: 'sv' })
      .expect(201);
    expect(invited.body).toMatchObject({ email, status: 'invited', role: 'coordinator', language: 'sv' });

    const mail = await t.mail.waitFor((m) => m.to === email);
    expect(mail.subject).toBe('Inbjudan till tjänsten Kokemus');
    expect(mail.text).toContain('Hej Karin Österberg');
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    await t.http.post('/auth/invitations/accept').send({ token, password: 'Laihela-stranden-2026' }).expect(204);
    await login(t.http, { email, password: 'Laihela-stranden-2026' });
  });

  // TRUST_PROXY is off by default (with it on: 'forwarded client addresses' below).
  it('writes the connection’s own address to the audit log whatever X-Forwarded-For says', async () => {
    const user = await createUser(t.db, Role.Orderer);
    await loginFrom(t, '203.0.113.99', user).expect(200);
    const rows = await loginAudit(t, user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].ip).not.toContain('203.0.113.99');
    expect(rows[0].ip).toMatch(/127\.0\.0\.1|::1/);
  });
});

describe('login rate limits', () => {
  const t = accountsApp({ env: { LOGIN_LIMIT_PER_MINUTE: '3' } });

  it('limits attempts per account', async () => {
    const user = await createUser(t.db, Role.Orderer);
    for (let i = 0; i < 3; i++)
      await t.http.post('/auth/login').send({ email: user.email, password: 'wrong-password-here' }).expect(401);
    const limited = await t.http.post('/auth/login').send({ email: user.email, password: user.password }).expect(429);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('login rate limits per address', () => {
  const t = accountsApp({ env: { LOGIN_LIMIT_PER_MINUTE: '3' } });

  // TRUST_PROXY is off by default: a forged X-Forwarded-For on every attempt is not a new address.
  it('limits attempts per address across accounts, however X-Forwarded-For is forged', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await loginFrom(t, `198.51.100.${i + 1}`, {
        email: `x${i}-${randomUUID()}@example.test`,
        password: 'wrong-password-here',
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 9)).toEqual(Array(9).fill(401));
    expect(statuses[9]).toBe(429);
  });
});

describe('forwarded client addresses', () => {
  describe('with TRUST_PROXY naming the proxy 127.0.0.1', () => {
    const t = accountsApp({ env: { LOGIN_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '127.0.0.1,::1,::ffff:127.0.0.1' } });

    it('takes the client address the proxy forwards, in the audit log and in the per-address limit', async () => {
      const user = await createUser(t.db, Role.Orderer);
      await loginFrom(t, '203.0.113.42', user).expect(200);
      expect(await loginAudit(t, user.id)).toEqual([{ ip: '203.0.113.42' }]);
      // Nine failures from one forwarded client use up its allowance; another client behind the proxy still gets in.
      for (let i = 0; i < 9; i++) {
        await loginFrom(t, '203.0.113.50', {
          email: `p${i}-${randomUUID()}@example.test`,
          password: 'wrong-password-here',
        }).expect(401);
      }
      await loginFrom(t, '203.0.113.50', user).expect(429);
      await loginFrom(t, '203.0.113.51', user).expect(200);
    });
  });
});

describe('login rate limits across API instances', () => {
  // Two API instances of one installation (one QUEUE_PREFIX, one Redis) and a third of another installation.
  const prefix = `kokemus-test-shared-${randomUUID().slice(0, 8)}`;
  let a: TestApp;
  let b: TestApp;
  let other: TestApp;
  let redis: IORedis;

  beforeAll(async () => {
    a = await createTestApp({ env: { LOGIN_LIMIT_PER_MINUTE: '4', QUEUE_PREFIX: prefix } });
    b = await createTestApp({ env: { LOGIN_LIMIT_PER_MINUTE: '4', QUEUE_PREFIX: prefix }, runWorkers: false });
    other = await createTestApp({ env: { LOGIN_LIMIT_PER_MINUTE: '4' }, runWorkers: false });
    redis = new IORedis(process.env.REDIS_URL!);
  });
  afterAll(async () => {
    redis.disconnect();
    await Promise.all([a?.close(), b?.close(), other?.close()]);
  });

  it('counts the attempts on an account together: the limit holds however the requests are spread', async () => {
    expect(a.app.get(LoginThrottlerStorage).backend).toBe('redis');
    const user = await createUser(a.db, Role.Orderer);
    const attempt = (t: TestApp) =>
      t.http.post('/auth/login').send({ email: user.email, password: 'wrong-password-here' });
    const statuses: number[] = [];
    for (const t of [a, b, a, b]) statuses.push((await attempt(t)).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    await attempt(a).expect(429);
    const limited = await b.http.post('/auth/login').send({ email: user.email, password: user.password }).expect(429);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    // Another installation on the same Redis counts its own attempts.
    await attempt(other).expect(401);
  });

  it('counts parallel attempts exactly once each', async () => {
    const user = await createUser(a.db, Role.Orderer);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? a : b).http.post('/auth/login').send({ email: user.email, password: 'wrong-password-here' }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(4).fill(401), ...Array(6).fill(429)]);
  });

  it('keeps its counters under the installation’s prefix, with no address or e-mail in the keys', async () => {
    const keys = await redis.keys(`${prefix}:throttle:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => !k.includes('@') && !k.includes('127.0.0.1'))).toBe(true);
  });
});
