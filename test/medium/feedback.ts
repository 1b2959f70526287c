import { Role } from '../../src/common/auth/role.enum';
import { BookingErrorCode } from '../../src/modules/booking/booking.errors';
import { FeedbackDto } from '../../src/modules/booking/dto/booking-actions.dto';
import { AssignmentStatus } from '../../src/modules/booking/entities/assignment.entity';
import { FeedbackEntity } from '../../src/modules/booking/entities/feedback.entity';
import { FeedbackService } from '../../src/modules/booking/feedback/feedback.service';
import { createPastAssignment } from '../factories/booking.factory';
import { createExpert } from '../factories/experts.factory';
import { addMember, createUnit } from '../factories/organisations.factory';
import { createUser, TestUser } from '../factories/users.factory';
import { body, contextOf, createMediumApp, MediumApp, problemOf } from './medium-app';

const NOW = '2026-10-01T07:00:00Z';

// Feedback on an assignment through the feedback service on the real database: one rating per side once the work
// is completed, each side reading its own and the coordinator both, and another unit's or expert's assignment
// answering as if it did not exist, audited (the routes, the roles each allows, the validation of the body and
// feedback opening after a completion over HTTP are test/api/booking/feedback.ts's).
describe('assignment feedback (service and database)', () => {
  let m: MediumApp;
  let feedback: FeedbackService;
  let coordinator: TestUser;
  let orderer: TestUser;
  let colleague: TestUser;
  let stranger: TestUser;
  let expert: TestUser;
  let otherExpert: TestUser;
  let unitId: string;

  beforeAll(async () => {
    m = await createMediumApp();
    m.clock.set(NOW);
    feedback = m.get(FeedbackService);
    coordinator = await createUser(m.db, Role.Coordinator);
    orderer = await createUser(m.db, Role.Orderer);
    colleague = await createUser(m.db, Role.Orderer);
    stranger = await createUser(m.db, Role.Orderer);
    expert = await createExpert(m.db);
    otherExpert = await createExpert(m.db);
    unitId = (await createUnit(m.db)).id;
    await addMember(m.db, unitId, orderer.id);
    await addMember(m.db, unitId, colleague.id);
    await addMember(m.db, (await createUnit(m.db)).id, stranger.id);
  });
  afterAll(() => m.close());

  // A past assignment of `expert` for the orderer's unit, in the given state.
  let day = 0;
  const assignment = (status: AssignmentStatus) =>
    createPastAssignment(m.db, { unitId, ordererId: orderer.id, expertId: expert.id }, status, (day += 1));

  const give = async (who: TestUser, id: string, plain: object) =>
    feedback.give(contextOf(who), id, await body(FeedbackDto, plain));
  const sidesSeenBy = async (who: TestUser, id: string) =>
    (await feedback.list(contextOf(who), id)).map((f) => [f.author, f.rating]);
  const countOf = (id: string) => m.db.getRepository(FeedbackEntity).countBy({ assignmentId: id });

  it('takes one rating from each side after completion and refuses a second from either side', async () => {
    const id = await assignment(AssignmentStatus.Completed);
    expect(await give(orderer, id, { rating: 5, comment: 'Erinomainen puheenvuoro.' })).toEqual({
      assignmentId: id,
      author: 'orderer',
      rating: 5,
      comment: 'Erinomainen puheenvuoro.',
      createdAt: expect.any(String),
    });
    expect(await give(expert, id, { rating: 4 })).toMatchObject({ author: 'expert', rating: 4, comment: '' });

    const alreadyGiven = { status: 409, code: BookingErrorCode.FeedbackAlreadyGiven };
    expect(await problemOf(give(orderer, id, { rating: 1 }))).toMatchObject(alreadyGiven);
    // One per side, not per person: a colleague in the same unit cannot add a second orderer rating.
    expect(await problemOf(give(colleague, id, { rating: 1 }))).toMatchObject(alreadyGiven);
    expect(await problemOf(give(expert, id, { rating: 2 }))).toMatchObject(alreadyGiven);

    const rows = await m.db.getRepository(FeedbackEntity).findBy({ assignmentId: id });
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
    for (const who of [orderer, expert])
      expect(await problemOf(give(who, id, { rating: 3 }))).toMatchObject({
        status: 409,
        code: BookingErrorCode.FeedbackNotOpen,
      });
    expect(await countOf(id)).toBe(0);
  });

  it('lets exactly one of ten simultaneous ratings from one side through', async () => {
    const id = await assignment(AssignmentStatus.Completed);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => give(i % 2 ? colleague : orderer, id, { rating: 1 + (i % 5) })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(9);
    for (const r of refused)
      expect(await problemOf(Promise.reject(r.reason))).toMatchObject({
        status: 409,
        code: BookingErrorCode.FeedbackAlreadyGiven,
      });
    expect(await countOf(id)).toBe(1);
  });

  it('shows the coordinator both sides and each side only what it wrote itself', async () => {
    const id = await assignment(AssignmentStatus.Completed);
    await give(orderer, id, { rating: 2, comment: 'Myöhästyi.' });
    await give(expert, id, { rating: 5, comment: 'Hyvä ryhmä.' });
    expect(await sidesSeenBy(coordinator, id)).toEqual([
      ['orderer', 2],
      ['expert', 5],
    ]);
    for (const [who, side, rating] of [
      [orderer, 'orderer', 2],
      [colleague, 'orderer', 2],
      [expert, 'expert', 5],
    ] as const)
      expect(await sidesSeenBy(who, id)).toEqual([[side, rating]]);
  });

  it('hides another unit’s or another expert’s assignment, and audits the attempt', async () => {
    const id = await assignment(AssignmentStatus.Completed);
    const notFound = { status: 404, code: BookingErrorCode.AssignmentNotFound };
    for (const who of [stranger, otherExpert]) {
      expect(await problemOf(give(who, id, { rating: 1 }))).toMatchObject(notFound);
      expect(await problemOf(feedback.list(contextOf(who), id))).toMatchObject(notFound);
    }
    const denied = await m.db.query(
      `SELECT actor_id FROM audit_events WHERE action = 'authz.denied' AND entity_id = $1`,
      [id],
    );
    expect(denied.map((r: { actor_id: string }) => r.actor_id).sort()).toEqual(
      [stranger.id, stranger.id, otherExpert.id, otherExpert.id].sort(),
    );
    expect(await countOf(id)).toBe(0);
  });

  it('audits who gave feedback, without the comment', async () => {
    const id = await assignment(AssignmentStatus.Completed);
    await give(expert, id, { rating: 3, comment: 'Salainen huomio' });
    const rows = await m.db.query(
      `SELECT actor_id, details FROM audit_events WHERE action = 'assignment.feedback_given' AND entity_id = $1`,
      [id],
    );
    expect(rows).toEqual([{ actor_id: expert.id, details: { author: 'expert' } }]);
  });
});
