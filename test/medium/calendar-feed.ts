import { createHash } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { BookingErrorCode } from '../../src/modules/booking/booking.errors';
import { CalendarFeedService } from '../../src/modules/booking/calendar/calendar-feed.service';
import { AssignmentStatus } from '../../src/modules/booking/entities/assignment.entity';
import { RequestStatus } from '../../src/modules/booking/entities/booking-request.entity';
import { CalendarFeedEntity } from '../../src/modules/booking/entities/calendar-feed.entity';
import { UserEntity, UserStatus } from '../../src/modules/users/entities/user.entity';
import { createAssignment, createRequest } from '../factories/booking.factory';
import { createExpert } from '../factories/experts.factory';
import { addMember, createUnit } from '../factories/organisations.factory';
import { createUser, TestUser } from '../factories/users.factory';
import { contextOf, createMediumApp, MediumApp, problemOf } from './medium-app';
import { tokenOf } from '../utils/calendar-feed-url';

const NOW = '2026-10-01T07:00:00Z';
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

// The expert's calendar feed through the calendar-feed service on the real database: what the feed shows and
// leaves out, the token stored only as its hash, a new feed or a deletion revoking the old URL, an unknown token or
// a disabled account's feed answering 404, and whether a feed exists (the routes, the feed's content type and
// caching headers, its rate limit and the token kept out of the logs are test/api/booking/calendar-feed.ts's).
describe('the expert’s calendar feed (service and database)', () => {
  let m: MediumApp;
  let feeds: CalendarFeedService;
  let orderer: TestUser;
  let unitId: string;

  beforeAll(async () => {
    m = await createMediumApp();
    m.clock.set(NOW);
    feeds = m.get(CalendarFeedService);
    orderer = await createUser(m.db, Role.Orderer, { name: 'Olli Tilaaja' });
    unitId = (await createUnit(m.db)).id;
    await addMember(m.db, unitId, orderer.id);
  });
  afterAll(() => m.close());

  async function expertWithFeed(): Promise<TestUser & { url: string }> {
    const expert = await createExpert(m.db);
    const created = await feeds.create(contextOf(expert));
    expect(Object.keys(created)).toEqual(['url']);
    return { ...expert, url: created.url };
  }
  const read = (url: string) => feeds.render(tokenOf(url));
  const notFound = { status: 404, code: BookingErrorCode.CalendarFeedNotFound };

  it('serves the expert’s accepted, confirmed and completed assignments, and nothing else', async () => {
    const expert = await expertWithFeed();
    const other = await createExpert(m.db);
    const at = (day: number, extra: Parameters<typeof createRequest>[3] = {}) =>
      createRequest(m.db, unitId, orderer.id, {
        status: RequestStatus.Filled,
        startsAt: `2026-10-${day}T07:00:00Z`,
        endsAt: `2026-10-${day}T09:00:00Z`,
        description: 'Kuvaus: päihdekuntoutujien ryhmä, yhteyshenkilö Olli Tilaaja 040 123 4567',
        topics: ['substance_use'],
        ...extra,
      });
    const accepted = await createAssignment(m.db, await at(12, { title: 'Asiakasraati' }), expert.id, {
      status: AssignmentStatus.Accepted,
    });
    const confirmed = await createAssignment(m.db, await at(13, { title: 'Luento', remote: true }), expert.id, {
      status: AssignmentStatus.Confirmed,
    });
    const completed = await createAssignment(
      m.db,
      await at(14, { title: 'Työpaja', municipality: '599', address: 'Keskuskatu 1' }),
      expert.id,
      { status: AssignmentStatus.Completed },
    );
    const cancelled = await createAssignment(m.db, await at(15), expert.id, { status: AssignmentStatus.Cancelled });
    const notHeld = await createAssignment(m.db, await at(16), expert.id, { status: AssignmentStatus.NotHeld });
    const others = await createAssignment(m.db, await at(17), other.id, { status: AssignmentStatus.Confirmed });
    const ancient = await createAssignment(
      m.db,
      await at(18, { startsAt: '2025-09-01T07:00:00Z', endsAt: '2025-09-01T09:00:00Z' }),
      expert.id,
      { status: AssignmentStatus.Completed },
    );

    const ics = unfold(await read(expert.url));
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
    const row = await m.db.getRepository(CalendarFeedEntity).findOneByOrFail({ expertId: expert.id });
    expect(row.tokenHash.equals(createHash('sha256').update(first).digest())).toBe(true);
    const leaked = await m.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE details::text LIKE $1 OR request_id LIKE $1`,
      [`%${first}%`],
    );
    expect(leaked[0].n).toBe(0);

    const again = await feeds.create(contextOf(expert));
    expect(tokenOf(again.url)).not.toBe(first);
    expect(await problemOf(read(expert.url))).toMatchObject(notFound);
    await expect(read(again.url)).resolves.toContain('BEGIN:VCALENDAR');
    expect(await m.db.getRepository(CalendarFeedEntity).countBy({ expertId: expert.id })).toBe(1);
  });

  it('stops answering once the expert deletes the feed', async () => {
    const expert = await expertWithFeed();
    await expect(read(expert.url)).resolves.toContain('BEGIN:VCALENDAR');
    await feeds.revoke(contextOf(expert));
    expect(await problemOf(read(expert.url))).toMatchObject(notFound);
    await feeds.revoke(contextOf(expert));
    const audited = await m.db.query(
      `SELECT action FROM audit_events WHERE actor_id = $1 AND action LIKE 'calendar_feed.%' ORDER BY occurred_at`,
      [expert.id],
    );
    expect(audited.map((r: { action: string }) => r.action)).toEqual([
      'calendar_feed.created',
      'calendar_feed.revoked',
    ]);
  });

  it('answers 404 for an unknown token and for a disabled account’s feed', async () => {
    expect(await problemOf(feeds.render('A'.repeat(43)))).toMatchObject(notFound);
    const expert = await expertWithFeed();
    await m.db
      .getRepository(UserEntity)
      .update({ id: expert.id }, { status: UserStatus.Disabled, disabledAt: new Date() });
    expect(await problemOf(read(expert.url))).toMatchObject(notFound);
  });

  it('tells the expert whether a feed URL exists and since when, never the URL itself', async () => {
    const expert = await createExpert(m.db);
    const status = () => feeds.status(contextOf(expert));
    expect(await status()).toEqual({ active: false, createdAt: null });
    await feeds.create(contextOf(expert));
    expect(await status()).toEqual({ active: true, createdAt: new Date(NOW).toISOString() });
    await feeds.revoke(contextOf(expert));
    expect(await status()).toEqual({ active: false, createdAt: null });
  });
});
