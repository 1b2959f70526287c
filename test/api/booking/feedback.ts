import { Role } from '../../../src/common/auth/role.enum';
import { AssignmentStatus } from '../../../src/modules/booking/entities/assignment.entity';
import { RequestStatus } from '../../../src/modules/booking/entities/booking-request.entity';
import { FeedbackEntity } from '../../../src/modules/booking/entities/feedback.entity';
import { createAssignment, createOffer, createRequest } from '../../factories/booking.factory';
import { createBookableExpert } from '../../factories/bookable.factory';
import { createExpert } from '../../factories/experts.factory';
import { addMember, createUnit } from '../../factories/organisations.factory';
import { createUser, login, TestUser } from '../../factories/users.factory';
import { createTestApp, TestApp } from '../../utils/test-app';
import { asUser } from '../../utils/as-user';

const NOW = '2026-10-01T07:00:00Z';
type Signed = TestUser & { token: string };

describe('assignment feedback', () => {
  let t: TestApp;
  let coordinator: Signed;
  let admin: Signed;
  let orderer: Signed;
  let colleague: Signed;
  let stranger: Signed;
  let expert: Signed;
  let otherExpert: Signed;
  let unitId: string;

  const signed = async (user: TestUser): Promise<Signed> => ({ ...user, token: await login(t.http, user) });
  const as = asUser(() => t.http);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    coordinator = await signed(await createUser(t.db, Role.Coordinator));
    admin = await signed(await createUser(t.db, Role.Admin));
    orderer = await signed(await createUser(t.db, Role.Orderer));
    colleague = await signed(await createUser(t.db, Role.Orderer));
    stranger = await signed(await createUser(t.db, Role.Orderer));
    expert = await signed(await createExpert(t.db));
    otherExpert = await signed(await createExpert(t.db));
    unitId = (await createUnit(t.db)).id;
    await addMember(t.db, unitId, orderer.id);
    await addMember(t.db, unitId, colleague.id);
    await addMember(t.db, (await createUnit(t.db)).id, stranger.id);
  });
  afterAll(() => t.close());

  // A past assignment of `expert` for the orderer's unit, in the given state.
  let day = 0;
  async function assignment(status: AssignmentStatus): Promise<string> {
    day += 1;
    const startsAt = new Date(Date.parse('2026-08-01T07:00:00Z') + day * 24 * 3600_000);
    const request = await createRequest(t.db, unitId, orderer.id, {
      status: RequestStatus.Completed,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    });
    return (await createAssignment(t.db, request, expert.id, { status })).id;
  }

  it('takes one rating from each side after completion and refuses a second from either side', async () => {
    const id = await assignment(AssignmentStatus.Completed);
    const fromOrderer = await as(orderer)
      .post(`/assignments/${id}/feedback`, { rating: 5, comment: 'Erinomainen puheenvuoro.' })
      .expect(201);
    expect(fromOrderer.body).toEqual({
      assignmentId: id,
      author: 'orderer',
      rating: 5,
      comment: 'Erinomainen puheenvuoro.',
      createdAt: expect.any(String),
    });
    const fromExpert = await as(expert).post(`/assignments/${id}/feedback`, { rating: 4 }).expect(201);
    expect(fromExpert.body).toMatchObject({ author: 'expert', rating: 4, comment: '' });

    const again = await as(orderer).post(`/assignments/${id}/feedback`, { rating: 1 }).expect(409);
    expect(again.body.code).toBe('FEEDBACK_ALREADY_GIVEN');
    // One per side, not per person: a colleague in the same unit cannot add a second orderer rating.
    const byColleague = await as(colleague).post(`/assignments/${id}/feedback`, { rating: 1 }).expect(409);
    expect(byColleague.body.code).toBe('FEEDBACK_ALREADY_GIVEN');
    await as(expert).post(`/assignments/${id}/feedback`, { rating: 2 }).expect(409);

    const rows = await t.db.getRepository(FeedbackEntity).findBy({ assignmentId: id });
    expect(rows.map((r) => [r.author, r.rating, r.authorId]).sort()).toEqual([
      ['expert', 4, expert.id],
      ['orderer', 5, orderer.id],
    ]);
  });

  it.each([
    AssignmentStatus.Accepted,
    AssignmentStatus.Confirmed,
    AssignmentStatus.NotHeld,
    AssignmentStatus.Cancelled,
  ])('refuses feedback on a %s assignment', async (status) => {
    const id = await assignment(status);
    for (const who of [orderer, expert]) {
      const res = await as(who).post(`/assignments/${id}/feedback`, { rating: 3 }).expect(409);
      expect(res.body.code).toBe('FEEDBACK_NOT_OPEN');
    }
    expect(await t.db.getRepository(FeedbackEntity).countBy({ assignmentId: id })).toBe(0);
  });

  it('lets exactly one of ten simultaneous ratings from one side through', async () => {
    const id = await assignment(AssignmentStatus.Completed);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        as(i % 2 ? colleague : orderer).post(`/assignments/${id}/feedback`, { rating: 1 + (i % 5) }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(9);
    for (const r of refused) expect(r.body.code).toBe('FEEDBACK_ALREADY_GIVEN');
    expect(await t.db.getRepository(FeedbackEntity).countBy({ assignmentId: id })).toBe(1);
  });

  it('shows the coordinator both sides and each side only what it wrote itself', async () => {
    const id = await assignment(AssignmentStatus.Completed);
    await as(orderer).post(`/assignments/${id}/feedback`, { rating: 2, comment: 'Myöhästyi.' }).expect(201);
    await as(expert).post(`/assignments/${id}/feedback`, { rating: 5, comment: 'Hyvä ryhmä.' }).expect(201);
    const both = await as(coordinator).get(`/assignments/${id}/feedback`).expect(200);
    expect(both.body.map((f: { author: string; rating: number }) => [f.author, f.rating])).toEqual([
      ['orderer', 2],
      ['expert', 5],
    ]);
    // PRODUCT §1: the admin keeps accounts, not what people wrote about the work.
    await as(admin).get(`/assignments/${id}/feedback`).expect(403);
    for (const [who, side, rating] of [
      [orderer, 'orderer', 2],
      [colleague, 'orderer', 2],
      [expert, 'expert', 5],
    ] as const) {
      const own = await as(who).get(`/assignments/${id}/feedback`).expect(200);
      expect(own.body.map((f: { author: string; rating: number }) => [f.author, f.rating])).toEqual([[side, rating]]);
    }
  });

  it('hides another unit’s or another expert’s assignment, and audits the attempt', async () => {
    const id = await assignment(AssignmentStatus.Completed);
    for (const who of [stranger, otherExpert]) {
      expect((await as(who).post(`/assignments/${id}/feedback`, { rating: 1 }).expect(404)).body.code).toBe(
        'ASSIGNMENT_NOT_FOUND',
      );
      expect((await as(who).get(`/assignments/${id}/feedback`).expect(404)).body.code).toBe('ASSIGNMENT_NOT_FOUND');
    }
    const denied = await t.db.query(
      `SELECT actor_id FROM audit_events WHERE action = 'authz.denied' AND entity_id = $1`,
      [id],
    );
    expect(denied.map((r: { actor_id: string }) => r.actor_id).sort()).toEqual(
      [stranger.id, stranger.id, otherExpert.id, otherExpert.id].sort(),
    );
    await as(coordinator).post(`/assignments/${id}/feedback`, { rating: 1 }).expect(403);
    expect(await t.db.getRepository(FeedbackEntity).countBy({ assignmentId: id })).toBe(0);
  });

  it('audits who gave feedback, without the comment', async () => {
    const id = await assignment(AssignmentStatus.Completed);
    await as(expert).post(`/assignments/${id}/feedback`, { rating: 3, comment: 'Salainen huomio' }).expect(201);
    const rows = await t.db.query(
      `SELECT actor_id, details FROM audit_events WHERE action = 'assignment.feedback_given' AND entity_id = $1`,
      [id],
    );
    expect(rows).toEqual([{ actor_id: expert.id, details: { author: 'expert' } }]);
  });

  it.each([
    ['a rating of 0', { rating: 0 }, 'rating'],
    ['a rating of 6', { rating: 6 }, 'rating'],
    ['a rating of 2.5', { rating: 2.5 }, 'rating'],
    ['no rating', {}, 'rating'],
    ['a comment of 2001 characters', { rating: 3, comment: 'x'.repeat(2001) }, 'comment'],
    ['a comment that is not text', { rating: 3, comment: 7 }, 'comment'],
  ])('refuses %s, naming the field', async (_label, body, field) => {
    const id = await assignment(AssignmentStatus.Completed);
    const res = await as(orderer).post(`/assignments/${id}/feedback`, body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('opens feedback once the orderer confirms over HTTP that the work took place', async () => {
    // A language of its own keeps this bookable expert out of other specs' candidate lists.
    const bookable = await signed(await createBookableExpert(t.db, { topics: ['ageing'], languages: ['se'] }));
    const request = await createRequest(t.db, unitId, orderer.id, {
      languages: ['se'],
      startsAt: '2026-10-21T07:00:00Z',
      endsAt: '2026-10-21T08:00:00Z',
    });
    const offer = await createOffer(t.db, request, bookable.id, coordinator.id);
    const accepted = await as(bookable).post(`/offers/${offer.id}/accept`).expect(201);
    const id = accepted.body.id as string;
    expect((await as(bookable).post(`/assignments/${id}/feedback`, { rating: 4 }).expect(409)).body.code).toBe(
      'FEEDBACK_NOT_OPEN',
    );
    t.clock.set('2026-10-21T09:00:00Z');
    try {
      const [o, e] = [await signed(orderer), await signed(bookable)];
      await as(o).post(`/assignments/${id}/complete`, { tookPlace: true }).expect(200);
      await as(e).post(`/assignments/${id}/feedback`, { rating: 4 }).expect(201);
      await as(o).post(`/assignments/${id}/feedback`, { rating: 5 }).expect(201);
    } finally {
      t.clock.set(NOW);
    }
  });
});
