import { Role } from '../../../src/common/auth/role.enum';
import { AssignmentStatus } from '../../../src/modules/booking/entities/assignment.entity';
import { FeedbackEntity } from '../../../src/modules/booking/entities/feedback.entity';
import { createOffer, createPastAssignment, createRequest } from '../../factories/booking.factory';
import { createBookableExpert } from '../../factories/bookable.factory';
import { signContractOf } from '../../factories/contracts.factory';
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
  let expertId: string;
  let unitId: string;

  const signed = async (user: TestUser): Promise<Signed> => ({ ...user, token: await login(t.http, user) });
  const as = asUser(() => t.http);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    coordinator = await signed(await createUser(t.db, Role.Coordinator));
    admin = await signed(await createUser(t.db, Role.Admin));
    orderer = await signed(await createUser(t.db, Role.Orderer));
    expertId = (await createExpert(t.db)).id;
    unitId = (await createUnit(t.db)).id;
    await addMember(t.db, unitId, orderer.id);
  });
  afterAll(() => t.close());

  // A past assignment of an expert's for the orderer's unit, in the given state.
  let day = 0;
  const assignment = (status: AssignmentStatus) =>
    createPastAssignment(t.db, { unitId, ordererId: orderer.id, expertId }, status, (day += 1));

  // The rules (one rating per side, who reads which side, another's assignment hidden and audited) are
  // test/medium/feedback.ts's; here the routes, the roles each allows and the body's validation.
  it('refuses the coordinator a rating, and the admin the feedback', async () => {
    const id = await assignment(AssignmentStatus.Completed);
    await as(coordinator).post(`/assignments/${id}/feedback`, { rating: 1 }).expect(403);
    expect(await t.db.getRepository(FeedbackEntity).countBy({ assignmentId: id })).toBe(0);
    // PRODUCT §1: the admin keeps accounts, not what people wrote about the work.
    await as(admin).get(`/assignments/${id}/feedback`).expect(403);
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
    await signContractOf(t, id, coordinator, bookable);
    expect((await as(bookable).post(`/assignments/${id}/feedback`, { rating: 4 }).expect(409)).body.code).toBe(
      'FEEDBACK_NOT_OPEN',
    );
    t.clock.set('2026-10-21T09:00:00Z');
    try {
      const [o, e] = [await signed(orderer), await signed(bookable)];
      await as(o).post(`/assignments/${id}/complete`, { tookPlace: true }).expect(200);
      await as(e).post(`/assignments/${id}/feedback`, { rating: 4 }).expect(201);
      await as(o).post(`/assignments/${id}/feedback`, { rating: 5 }).expect(201);
      const own = await as(o).get(`/assignments/${id}/feedback`).expect(200);
      expect(own.body.map((f: { author: string; rating: number }) => [f.author, f.rating])).toEqual([['orderer', 5]]);
    } finally {
      t.clock.set(NOW);
    }
  });
});
