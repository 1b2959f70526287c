import { randomUUID } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { Role } from '../../../src/common/auth/role.enum';
import { RejectedTokensService } from '../../../src/modules/auth/rejected-tokens.service';
import { createUser, login } from '../../factories/users.factory';
import { accountsApp } from './accounts-app';

const SECRET = 'test-secret-test-secret-test-secret-0123';
const CLAIMS = { iss: 'kokemus', aud: 'kokemus-api' };

// Each test sends from addresses of its own (the proxy 127.0.0.1 is trusted and forwards them), so that one test's
// tallies never count another's refusals.
let lastOctet = 0;
const nextAddress = () => `198.51.100.${++lastOctet}`;

interface Row {
  actor_id: string | null;
  ip: string | null;
  user_agent: string | null;
  details: Record<string, unknown>;
}

// Bearer tokens refused by the access guard leave auth.token_rejected rows (PRODUCT §6), a few per address.
describe('refused access tokens in the audit log', () => {
  const t = accountsApp({ env: { TRUST_PROXY: '127.0.0.1,::1,::ffff:127.0.0.1' } });
  // The clock stands still unless a test moves it, so the app's own sweep never writes while a test counts rows.
  let now: Date;
  beforeAll(() => {
    now = new Date();
    t.clock.set(now);
  });

  const get = (from: string, authorization?: string) => {
    const req = t.http.get('/me').set('x-forwarded-for', from).set('user-agent', 'rejected-tokens-spec');
    return authorization === undefined ? req : req.set('authorization', authorization);
  };
  const rowsFrom = async (ip: string): Promise<Row[]> =>
    t.db.query(
      `SELECT actor_id, ip, user_agent, details FROM audit_events
        WHERE action = 'auth.token_rejected' AND ip = $1 ORDER BY occurred_at`,
      [ip],
    );
  const sweep = (ms: number) => {
    now = new Date(now.getTime() + ms);
    t.clock.set(now);
    return t.app.get(RejectedTokensService).sweep();
  };

  async function signedIn() {
    const user = await createUser(t.db, Role.Expert);
    const token = await login(t.http, user);
    const { sid } = jwt.decode(token) as { sid: string };
    return { user, token, sid };
  }

  it('writes the reason of a forged, unsigned, wrongly signed or garbled token, with no subject', async () => {
    const { user, token, sid } = await signedIn();
    const claims = { ...CLAIMS, sub: user.id, sid };
    const [h, p] = token.split('.');
    const cases = [
      ['bad_signature', jwt.sign(claims, 'another-secret-another-secret-another', { expiresIn: 60 })],
      ['bad_signature', `${h}.${p}.${Buffer.from('forged').toString('base64url')}`],
      ['wrong_algorithm', jwt.sign(claims, '', { algorithm: 'none', expiresIn: 60 } as jwt.SignOptions)],
      ['wrong_algorithm', jwt.sign(claims, SECRET, { algorithm: 'HS512', expiresIn: 60 })],
      ['malformed', 'garbage'],
      ['malformed', `${h}.${Buffer.from('not json').toString('base64url')}.c2ln`],
    ] as const;
    for (const [reason, forged] of cases) {
      const from = nextAddress();
      const res = await get(from, `Bearer ${forged}`).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
      expect(await rowsFrom(from)).toEqual([
        { actor_id: null, ip: from, user_agent: 'rejected-tokens-spec', details: { reason, count: 1 } },
      ]);
    }
    // An Authorization header that is not a bearer token at all.
    const from = nextAddress();
    await get(from, 'Basic dXNlcjpwYXNz').expect(401);
    expect(await rowsFrom(from)).toEqual([expect.objectContaining({ details: { reason: 'malformed', count: 1 } })]);
  });

  it('names the subject of a token we signed: for an ended or unknown session, another audience, or one that outlived its session', async () => {
    const { user, token, sid } = await signedIn();
    const expired = jwt.sign({ ...CLAIMS, sub: user.id, sid, exp: Math.floor(Date.now() / 1000) - 10 }, SECRET);
    const unknownSession = jwt.sign({ ...CLAIMS, sub: user.id, sid: randomUUID() }, SECRET, { expiresIn: 60 });
    const otherAudience = jwt.sign({ ...CLAIMS, aud: 'elsewhere', sub: user.id, sid }, SECRET, { expiresIn: 60 });

    // Ran out while the session is live: routine (the web app refreshes), not audited.
    const routine = nextAddress();
    await get(routine, `Bearer ${expired}`).expect(401);
    expect(await rowsFrom(routine)).toEqual([]);

    const a = nextAddress();
    await get(a, `Bearer ${unknownSession}`).expect(401);
    await get(a, `Bearer ${otherAudience}`).expect(401);
    await t.http.post('/auth/logout').set('authorization', `Bearer ${token}`).expect(204);
    await get(a, `Bearer ${token}`).expect(401);
    await get(a, `Bearer ${expired}`).expect(401);
    expect(await rowsFrom(a)).toEqual(
      ['session_ended', 'wrong_issuer_or_audience', 'expired'].map((reason) =>
        expect.objectContaining({ actor_id: user.id, ip: a, details: { reason, count: 1 } }),
      ),
    );
    // The ended session and the unknown one are one kind from one subject: the second is counted, not written.
    await sweep(61_000);
    expect((await rowsFrom(a)).filter((r) => r.details.reason === 'session_ended')).toEqual([
      expect.objectContaining({ details: { reason: 'session_ended', count: 1 } }),
      expect.objectContaining({ actor_id: user.id, user_agent: null, details: expect.objectContaining({ count: 1 }) }),
    ]);
  });

  it('writes a flood of forged tokens from one address as a row at once and a counted row a minute', async () => {
    const from = nextAddress();
    const other = nextAddress();
    const forged = `Bearer ${jwt.sign({ ...CLAIMS, sub: randomUUID(), sid: randomUUID() }, 'not-our-secret-not-our-secret', { expiresIn: 60 })}`;
    const since = now.toISOString();
    const statuses = await Promise.all(Array.from({ length: 50 }, () => get(from, forged).then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([401]));
    await get(other, forged).expect(401);
    expect(await rowsFrom(from)).toEqual([expect.objectContaining({ details: { reason: 'bad_signature', count: 1 } })]);
    expect(await rowsFrom(other)).toHaveLength(1);

    // Within the minute nothing more is written; after it, one row counts the other 49.
    await sweep(30_000);
    expect(await rowsFrom(from)).toHaveLength(1);
    await sweep(31_000);
    const rows = await rowsFrom(from);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({
      actor_id: null,
      ip: from,
      user_agent: null,
      details: { reason: 'bad_signature', count: 49, since },
    });
    expect(await rowsFrom(other)).toHaveLength(1);

    // The flood goes on: its next minute is one more row; then a quiet minute, and the next forgery is written at once.
    for (let i = 0; i < 5; i++) await get(from, forged).expect(401);
    await sweep(61_000);
    expect((await rowsFrom(from)).map((r) => r.details.count)).toEqual([1, 49, 5]);
    await sweep(61_000);
    await get(from, forged).expect(401);
    expect((await rowsFrom(from)).map((r) => r.details.count)).toEqual([1, 49, 5, 1]);
  });

  it('writes nothing for a valid token, or for a request with no token at all', async () => {
    const { token } = await signedIn();
    const from = nextAddress();
    const before = await t.db.query(`SELECT count(*)::int AS n FROM audit_events`);
    await get(from, `Bearer ${token}`).expect(200);
    await get(from).expect(401);
    await sweep(61_000);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM audit_events`)).toEqual(before);
  });
});
