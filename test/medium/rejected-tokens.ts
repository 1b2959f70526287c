import { randomBytes, randomUUID } from 'node:crypto';
import {
  REJECTED_TOKEN_TALLIES,
  REJECTED_TOKEN_WINDOW_MS,
  RejectedTokensService,
} from '../../src/modules/auth/rejected-tokens.service';
import { createMediumApp, MediumApp } from './medium-app';

// The cap on the refused tokens' tallies, on the real audit table with the app's clock: past the first thousand
// addresses a flood is counted per reason without an address (the routes, the reasons and the minute's rows are
// test/api/accounts/rejected-tokens.ts's).
describe('refused access tokens from more addresses than the tallies hold (service and database)', () => {
  let m: MediumApp;
  let service: RejectedTokensService;

  beforeAll(async () => {
    m = await createMediumApp();
    service = m.get(RejectedTokensService);
  });
  afterAll(() => m.close());

  it('counts the refusals from addresses past the cap in one row per reason without an address, and takes a new address again once the quiet ones are swept', async () => {
    // Addresses of this run's own (a documentation prefix), and a moment of its own for the rows without one.
    const tag = randomBytes(2).toString('hex');
    const address = (n: number) => `2001:db8:${tag}::${n.toString(16)}`;
    const start = new Date(Date.UTC(2030, 0, 1) + Math.floor(Math.random() * 1e10));
    m.clock.set(start);
    const refuse = (ip: string, reason: 'malformed' | 'bad_signature') =>
      service.rejected({
        meta: { ip, userAgent: 'medium-test', requestId: randomUUID() },
        ...(reason === 'malformed'
          ? { authorization: 'garbage', info: undefined }
          : {
              authorization: 'Bearer e30.e30.c2ln',
              info: Object.assign(new Error('invalid signature'), { name: 'JsonWebTokenError' }),
            }),
      });
    const rowsFromTheRun = (): Promise<{ ip: string; details: Record<string, unknown> }[]> =>
      m.db.query(
        `SELECT ip, details FROM audit_events WHERE action = 'auth.token_rejected' AND ip LIKE $1
          ORDER BY details ? 'since', ip`,
        [`2001:db8:${tag}::%`],
      );
    const rowsWithoutAddress = () =>
      m.db.query(
        `SELECT details FROM audit_events WHERE action = 'auth.token_rejected' AND ip IS NULL
          AND details->>'since' = $1 ORDER BY details->>'reason'`,
        [start.toISOString()],
      );

    // As many addresses as the tallies hold, a garbled token each: a row each, at once.
    for (let n = 1; n <= REJECTED_TOKEN_TALLIES; n += 100)
      await Promise.all(Array.from({ length: 100 }, (_, i) => refuse(address(n + i), 'malformed')));
    const first = await rowsFromTheRun();
    expect(first).toHaveLength(REJECTED_TOKEN_TALLIES);
    expect(first.map((r) => r.details)).toEqual(first.map(() => ({ reason: 'malformed', count: 1 })));

    // Past the cap: three addresses more, counted per reason and written nowhere yet; an address already tallied
    // is still counted as its own.
    await refuse(address(REJECTED_TOKEN_TALLIES + 1), 'malformed');
    await refuse(address(REJECTED_TOKEN_TALLIES + 1), 'malformed');
    await refuse(address(REJECTED_TOKEN_TALLIES + 2), 'malformed');
    await refuse(address(REJECTED_TOKEN_TALLIES + 3), 'bad_signature');
    await refuse(address(1), 'malformed');
    expect(await rowsFromTheRun()).toHaveLength(REJECTED_TOKEN_TALLIES);
    expect(await rowsWithoutAddress()).toEqual([]);

    // A minute on, the sweep writes the counts: one row per reason without an address, and the tallied address's.
    m.clock.set(new Date(start.getTime() + REJECTED_TOKEN_WINDOW_MS + 1000));
    await service.sweep();
    expect(await rowsWithoutAddress()).toEqual([
      { details: { reason: 'bad_signature', count: 1, since: start.toISOString() } },
      { details: { reason: 'malformed', count: 3, since: start.toISOString() } },
    ]);
    const swept = await rowsFromTheRun();
    expect(swept).toHaveLength(REJECTED_TOKEN_TALLIES + 1);
    expect(swept.filter((r) => r.ip === address(1)).map((r) => r.details)).toEqual([
      { reason: 'malformed', count: 1 },
      { reason: 'malformed', count: 1, since: start.toISOString() },
    ]);

    // The quiet addresses' tallies are forgotten with that sweep: a new address is written at once, with its address.
    await refuse(address(REJECTED_TOKEN_TALLIES + 4), 'malformed');
    expect((await rowsFromTheRun()).filter((r) => r.ip === address(REJECTED_TOKEN_TALLIES + 4))).toEqual([
      { ip: address(REJECTED_TOKEN_TALLIES + 4), details: { reason: 'malformed', count: 1 } },
    ]);
  });
});
