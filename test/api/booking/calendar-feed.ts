import { createHash } from 'node:crypto';
import { Role } from '../../../src/common/auth/role.enum';
import { FEED_READS_PER_MINUTE } from '../../../src/modules/booking/calendar/calendar-feed.controller';
import { AssignmentStatus } from '../../../src/modules/booking/entities/assignment.entity';
import { RequestStatus } from '../../../src/modules/booking/entities/booking-request.entity';
import { CalendarFeedEntity } from '../../../src/modules/booking/entities/calendar-feed.entity';
import { UserEntity, UserStatus } from '../../../src/modules/users/entities/user.entity';
import { createAssignment, createRequest } from '../../factories/booking.factory';
import { createExpert } from '../../factories/experts.factory';
import { addMember, createUnit } from '../../factories/organisations.factory';
import { createUser, login, TestUser } from '../../factories/users.factory';
import { createTestApp, TestApp } from '../../utils/test-app';

const NOW = '2026-10-01T07:00:00Z';
const FEED_URL = /^http:\/\/kokemus\.test\/api\/calendar\/([A-Za-z0-9_-]{43})\.ics$/;

function tokenOf(url: string): string {
  const match = FEED_URL.exec(url);
  if (!match) throw new Error(`Not a feed URL: ${url}`);
  return match[1];
}

const pathOf = (url: string) => new URL(url).pathname;
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('the expert’s calendar feed', () => {
  let t: TestApp;
  let orderer: TestUser;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    orderer = await createUser(t.db, Role.Orderer, { name: 'Olli Tilaaja' });
    unitId = (await createUnit(t.db)).id;
    await addMember(t.db, unitId, orderer.id);
  });
  afterAll(() => t.close());

  async function expertWithFeed(): Promise<TestUser & { token: string; url: string }> {
    const expert = await createExpert(t.db);
    const token = await login(t.http, expert);
    const res = await t.http.post('/experts/me/calendar-feed').set('authorization', `Bearer ${token}`).expect(201);
    expect(Object.keys(res.body)).toEqual(['url']);
    return { ...expert, token, url: res.body.url };
  }

  it('serves the expert’s accepted, confirmed and completed assignments, and nothing else', async () => {
    const expert = await expertWithFeed();
    const other = await createExpert(t.db);
    const at = (day: number, extra: Parameters<typeof createRequest>[3] = {}) =>
      createRequest(t.db, unitId, orderer.id, {
        status: RequestStatus.Filled,
        startsAt: `2026-10-${day}T07:00:00Z`,
        endsAt: `2026-10-${day}T09:00:00Z`,
        description: 'Kuvaus: päihdekuntoutujien ryhmä, yhteyshenkilö Olli Tilaaja 040 123 4567',
        topics: ['substance_use'],
        ...extra,
      });
    const accepted = await createAssignment(t.db, await at(12, { title: 'Asiakasraati' }), expert.id, {
      status: AssignmentStatus.Accepted,
    });
    const confirmed = await createAssignment(t.db, await at(13, { title: 'Luento', remote: true }), expert.id, {
      status: AssignmentStatus.Confirmed,
    });
    const completed = await createAssignment(
      t.db,
      await at(14, { title: 'Työpaja', municipality: '599', address: 'Keskuskatu 1' }),
      expert.id,
      {
        status: AssignmentStatus.Completed,
      },
    );
    const cancelled = await createAssignment(t.db, await at(15), expert.id, { status: AssignmentStatus.Cancelled });
    const notHeld = await createAssignment(t.db, await at(16), expert.id, { status: AssignmentStatus.NotHeld });
    const others = await createAssignment(t.db, await at(17), other.id, { status: AssignmentStatus.Confirmed });
    const ancient = await createAssignment(
      t.db,
      await at(18, { startsAt: '2025-09-01T07:00:00Z', endsAt: '2025-09-01T09:00:00Z' }),
      expert.id,
      {
        status: AssignmentStatus.Completed,
      },
    );

    const res = await t.http.get(pathOf(expert.url)).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const ics = unfold(res.text);
    expect(ics.match(/^UID:.*$/gm)!.map((l) => l.trim())).toEqual([
      `UID:${accepted.id}@kokemus`,
      `UID:${confirmed.id}@kokemus`,
      `UID:${completed.id}@kokemus`,
    ]);
    for (const hidden of [cancelled, notHeld, others, ancient]) expect(ics).not.toContain(hidden.id);

    const event = (id: string) => ics.split('BEGIN:VEVENT').find((e) => e.includes(`UID:${id}@kokemus`))!;
    expect(event(accepted.id)).toContain('DTSTART;TZID=Europe/Helsinki:20261012T100000');
    expect(event(accepted.id)).toContain('DTEND;TZID=Europe/Helsinki:20261012T120000');
    expect(event(accepted.id)).toContain('STATUS:TENTATIVE');
    expect(event(accepted.id)).toContain('SUMMARY:Asiakasraati');
    expect(event(accepted.id)).toContain('LOCATION:Hietalahdenkatu 2\\, Vaasa / Vasa');
    expect(event(confirmed.id)).toContain('STATUS:CONFIRMED');
    expect(event(confirmed.id)).toContain('LOCATION:Etä / Distans / Remote');
    expect(event(completed.id)).toContain('LOCATION:Keskuskatu 1\\, Pedersören kunta / Pedersöre');
    expect(ics).toContain('BEGIN:VTIMEZONE');
    // No health or topic details, no orderer, no other experts.
    for (const secret of ['substance_use', 'päihde', 'Olli', 'Tilaaja', '040 123', orderer.email, other.id])
      expect(ics).not.toContain(secret);
  });

  it('stores only the token’s hash, and a new feed revokes the old URL', async () => {
    const expert = await expertWithFeed();
    const first = tokenOf(expert.url);
    const row = await t.db.getRepository(CalendarFeedEntity).findOneByOrFail({ expertId: expert.id });
    expect(row.tokenHash.equals(createHash('sha256').update(first).digest())).toBe(true);
    const leaked = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE details::text LIKE $1 OR request_id LIKE $1`,
      [`%${first}%`],
    );
    expect(leaked[0].n).toBe(0);

    const again = await t.http
      .post('/experts/me/calendar-feed')
      .set('authorization', `Bearer ${expert.token}`)
      .expect(201);
    expect(tokenOf(again.body.url)).not.toBe(first);
    const gone = await t.http.get(pathOf(expert.url)).expect(404);
    expect(gone.body.code).toBe('CALENDAR_FEED_NOT_FOUND');
    await t.http.get(pathOf(again.body.url)).expect(200);
    expect(await t.db.getRepository(CalendarFeedEntity).countBy({ expertId: expert.id })).toBe(1);
  });

  it('stops answering once the expert deletes the feed', async () => {
    const expert = await expertWithFeed();
    await t.http.get(pathOf(expert.url)).expect(200);
    await t.http.delete('/experts/me/calendar-feed').set('authorization', `Bearer ${expert.token}`).expect(204);
    await t.http.get(pathOf(expert.url)).expect(404);
    await t.http.delete('/experts/me/calendar-feed').set('authorization', `Bearer ${expert.token}`).expect(204);
    const audited = await t.db.query(
      `SELECT action FROM audit_events WHERE actor_id = $1 AND action LIKE 'calendar_feed.%' ORDER BY occurred_at`,
      [expert.id],
    );
    expect(audited.map((r: { action: string }) => r.action)).toEqual([
      'calendar_feed.created',
      'calendar_feed.revoked',
    ]);
  });

  it('answers 404 for an unknown token and for a disabled account’s feed', async () => {
    await t.http.get(`/calendar/${'A'.repeat(43)}.ics`).expect(404);
    await t.http.get('/calendar/.ics').expect(404);
    const expert = await expertWithFeed();
    await t.db
      .getRepository(UserEntity)
      .update({ id: expert.id }, { status: UserStatus.Disabled, disabledAt: new Date() });
    await t.http.get(pathOf(expert.url)).expect(404);
  });

  it(`limits one feed to ${FEED_READS_PER_MINUTE} reads a minute without touching other feeds`, async () => {
    const busy = await expertWithFeed();
    const calm = await expertWithFeed();
    const statuses: number[] = [];
    for (let i = 0; i <= FEED_READS_PER_MINUTE; i++) statuses.push((await t.http.get(pathOf(busy.url))).status);
    expect(statuses.slice(0, FEED_READS_PER_MINUTE).every((s) => s === 200)).toBe(true);
    const limited = await t.http.get(pathOf(busy.url)).expect(429);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    expect(statuses[FEED_READS_PER_MINUTE]).toBe(429);
    await t.http.get(pathOf(calm.url)).expect(200);
  });

  it('tells the expert whether a feed URL exists and since when, never the URL itself', async () => {
    const expert = await createExpert(t.db);
    const token = await login(t.http, expert);
    const status = () => t.http.get('/experts/me/calendar-feed').set('authorization', `Bearer ${token}`).expect(200);
    await expect(status().then((r) => r.body)).resolves.toEqual({ active: false, createdAt: null });
    await t.http.post('/experts/me/calendar-feed').set('authorization', `Bearer ${token}`).expect(201);
    await expect(status().then((r) => r.body)).resolves.toEqual({
      active: true,
      createdAt: new Date(NOW).toISOString(),
    });
    await t.http.delete('/experts/me/calendar-feed').set('authorization', `Bearer ${token}`).expect(204);
    await expect(status().then((r) => r.body)).resolves.toEqual({ active: false, createdAt: null });
    const coordinator = await login(t.http, await createUser(t.db, Role.Coordinator));
    await t.http.get('/experts/me/calendar-feed').set('authorization', `Bearer ${coordinator}`).expect(403);
  });
});

describe('the calendar feed in the logs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOG_LEVEL: 'debug' } });
  });
  afterAll(() => t.close());

  it('never writes the feed token to the log', async () => {
    const expert = await createExpert(t.db);
    const auth = `Bearer ${await login(t.http, expert)}`;
    const res = await t.http.post('/experts/me/calendar-feed').set('authorization', auth).expect(201);
    const token = tokenOf(res.body.url);
    await t.http.get(pathOf(res.body.url)).expect(200);
    await t.http.get(`${pathOf(res.body.url)}?x=1`).expect(200);
    await t.http.delete('/experts/me/calendar-feed').set('authorization', auth).expect(204);
    await t.http.get(pathOf(res.body.url)).expect(404);
    const logs = t.logs.join('');
    // The reads were logged, with the secret cut out.
    expect(logs.match(/"url":"\/api\/calendar\/\[redacted\]"/g)?.length).toBeGreaterThanOrEqual(3);
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(token.slice(0, 16));
  });
});
