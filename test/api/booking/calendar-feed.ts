import { Role } from '../../../src/common/auth/role.enum';
import { FEED_READS_PER_MINUTE } from '../../../src/modules/booking/calendar/calendar-feed.controller';
import { AssignmentStatus } from '../../../src/modules/booking/entities/assignment.entity';
import { RequestStatus } from '../../../src/modules/booking/entities/booking-request.entity';
import { createAssignment, createRequest } from '../../factories/booking.factory';
import { createExpert } from '../../factories/experts.factory';
import { addMember, createUnit } from '../../factories/organisations.factory';
import { createUser, login, TestUser } from '../../factories/users.factory';
import { createTestApp, TestApp } from '../../utils/test-app';
import { tokenOf } from '../../utils/calendar-feed-url';

const NOW = '2026-10-01T07:00:00Z';
const pathOf = (url: string) => new URL(url).pathname;

describe('the expert’s calendar feed', () => {
  let t: TestApp;
  let orderer: TestUser;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    orderer = await createUser(t.db, Role.Orderer);
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

  // What the feed shows, the token's hash, revoking and whether a feed exists are test/medium/calendar-feed.ts's;
  // here the routes, the feed as text/calendar at its secret URL, its rate limit and the token kept out of the logs.
  it('serves the feed at its secret URL as an uncached calendar until the expert deletes it', async () => {
    const expert = await expertWithFeed();
    const status = () => t.http.get('/experts/me/calendar-feed').set('authorization', `Bearer ${expert.token}`);
    expect((await status().expect(200)).body).toEqual({ active: true, createdAt: new Date(NOW).toISOString() });
    const request = await createRequest(t.db, unitId, orderer.id, {
      status: RequestStatus.Filled,
      startsAt: '2026-10-12T07:00:00Z',
      endsAt: '2026-10-12T09:00:00Z',
    });
    const work = await createAssignment(t.db, request, expert.id, { status: AssignmentStatus.Confirmed });

    const res = await t.http.get(pathOf(expert.url)).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.text).toContain(`UID:${work.id}@kokemus`);

    await t.http.delete('/experts/me/calendar-feed').set('authorization', `Bearer ${expert.token}`).expect(204);
    expect((await t.http.get(pathOf(expert.url)).expect(404)).body.code).toBe('CALENDAR_FEED_NOT_FOUND');
    expect((await status().expect(200)).body).toEqual({ active: false, createdAt: null });
  });

  it('answers 404 for an unknown token and for none, and refuses the feed’s status to a coordinator', async () => {
    await t.http.get(`/calendar/${'A'.repeat(43)}.ics`).expect(404);
    await t.http.get('/calendar/.ics').expect(404);
    const coordinator = await login(t.http, await createUser(t.db, Role.Coordinator));
    await t.http.get('/experts/me/calendar-feed').set('authorization', `Bearer ${coordinator}`).expect(403);
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
