import { randomBytes } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { Language } from '../../src/common/i18n/language';
import { AssignmentsService } from '../../src/modules/booking/assignments/assignments.service';
import { BookingErrorCode } from '../../src/modules/booking/booking.errors';
import { CancellationQuoteService } from '../../src/modules/booking/cancellation-quote/cancellation-quote.service';
import { BookingRequestsService } from '../../src/modules/booking/requests/booking-requests.service';
import { ProposeTimeChangeDto } from '../../src/modules/booking/time-change/propose-time-change.dto';
import { TimeChangesService } from '../../src/modules/booking/time-change/time-changes.service';
import { TimelineService } from '../../src/modules/booking/timeline/timeline.service';
import { ListContractsQuery } from '../../src/modules/contracts/dto/list-contracts.query';
import { AssignmentContractService } from '../../src/modules/contracts/lifecycle/assignment-contract.service';
import { ContractDrafts } from '../../src/modules/contracts/lifecycle/contract-drafts.service';
import { ContractSigningService } from '../../src/modules/contracts/lifecycle/contract-signing.service';
import { ContractsService } from '../../src/modules/contracts/lifecycle/contracts.service';
import { ExpertHomeService } from '../../src/modules/expert-home/expert-home.service';
import { giveDateOfBirth, insertAssignment, insertDraftedAssignment } from '../factories/contracts.factory';
import { createExpert } from '../factories/experts.factory';
import { addMember, createUnit } from '../factories/organisations.factory';
import { createUser, TestUser } from '../factories/users.factory';
import { body, contextOf, createMediumApp, MediumApp, problemOf } from './medium-app';

// The app's clock stands on 1 Oct 2026 10:00 local time; the work lies in the weeks after.
const NOW = '2026-10-01T07:00:00Z';
const HOUR = 3_600_000;
const EXPERT_NAME = 'Aino Asiantuntija';

// A booked assignment's time changed through the time-change service on the real database: proposing, accepting
// (moving the work, and the contract with it) and declining, one proposal at a time, an overlap with other work,
// the start and length a proposal must have, and the late-cancellation clock after a declined change (the routes,
// who may call them, the validation of the body and the mails as sent are test/api/booking/time-change.ts's).
describe('time changes (service and database)', () => {
  let m: MediumApp;
  let timeChanges: TimeChangesService;
  let assignments: AssignmentsService;
  let signing: ContractSigningService;
  let coordinator: TestUser;
  let unitId: string;
  let day = 0;

  beforeAll(async () => {
    m = await createMediumApp();
    m.clock.set(NOW);
    timeChanges = m.get(TimeChangesService);
    assignments = m.get(AssignmentsService);
    signing = m.get(ContractSigningService);
    coordinator = await createUser(m.db, Role.Coordinator);
    unitId = (await createUnit(m.db)).id;
  });
  afterEach(() => m.clock.set(NOW));
  afterAll(() => m.close());

  // Two hours on a day of its own, from 12 Oct on, so that nothing overlaps unless a test wants it to.
  const slot = (n = day++, hour = 7) => {
    const startsAt = new Date(Date.parse(`2026-10-12T0${hour}:00:00Z`) + n * 24 * HOUR);
    return { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString() };
  };

  // The expert as signed in: the orderer's mail names the expert who answered.
  const asExpert = (expert: TestUser) => {
    const ctx = contextOf(expert);
    return { ...ctx, user: { ...ctx.user, name: EXPERT_NAME } };
  };

  // An expert with an accepted assignment of the unit's and the draft contract booking makes with it, ordered by an
  // orderer of the unit of its own (Swedish), so that the outbox of each is the test's own.
  async function booked(when = slot()) {
    const orderer = await createUser(m.db, Role.Orderer, { language: Language.Sv, name: 'Olga Orderer' });
    await addMember(m.db, unitId, orderer.id);
    const expert = await createExpert(m.db, { name: EXPERT_NAME });
    await giveDateOfBirth(m.db, expert.id);
    const seed = { expertId: expert.id, organisationId: unitId, createdBy: orderer.id, title: 'Asiakasraati', ...when };
    return { orderer, expert, ...(await insertDraftedAssignment(m.db, m.get(ContractDrafts), seed)), ...when };
  }
  type Booked = Awaited<ReturnType<typeof booked>>;

  // What the PDF worker stores after approval (there are no workers in this tier).
  const approve = async (contractId: string) => {
    await signing.approve(contextOf(coordinator), contractId);
    await m.db.query(`UPDATE contracts SET pdf = $2, pdf_sha256 = $3 WHERE id = $1`, [
      contractId,
      Buffer.from('%PDF-1.7'),
      randomBytes(32).toString('hex'),
    ]);
  };
  const sign = (d: Booked, contractId: string) =>
    signing.sign(contextOf(d.expert), contractId, { password: d.expert.password });

  const propose = async (d: Booked, plain: object) =>
    timeChanges.propose(contextOf(d.orderer), d.assignmentId, await body(ProposeTimeChangeDto, plain));
  const accept = (d: Booked) => timeChanges.accept(asExpert(d.expert), d.assignmentId);
  const decline = (d: Booked) => timeChanges.decline(asExpert(d.expert), d.assignmentId);
  const assignmentAs = (d: Booked) => assignments.get(contextOf(d.expert), d.assignmentId);
  const homeOf = async (d: Booked) => (await m.get(ExpertHomeService).get(contextOf(d.expert))).timeChanges;

  const contractsOf = async (assignmentId: string) =>
    (await m.get(ContractsService).list(contextOf(coordinator), await body(ListContractsQuery, { assignmentId })))
      .items;

  const auditActions = async (assignmentId: string): Promise<string[]> =>
    (
      await m.db.query<{ action: string }[]>(
        `SELECT action FROM audit_events WHERE entity_type = 'assignment' AND entity_id = $1 ORDER BY occurred_at, id`,
        [assignmentId],
      )
    ).map((r) => r.action);
  const outbox = async (to: string, subjectStart: string) =>
    (await m.db.query(
      `SELECT subject, text_body AS text FROM mail_messages WHERE to_address = $1 AND starts_with(subject, $2)`,
      [to, subjectStart],
    )) as { subject: string; text: string }[];

  describe('accepted', () => {
    it('mails the expert, shows the proposal on their home, and moves the work when they accept; the orderer is told', async () => {
      const d = await booked();
      const to = slot();
      expect(await propose(d, to)).toMatchObject({
        startsAt: d.startsAt,
        timeChange: { status: 'open', ...to, fromStartsAt: d.startsAt, fromEndsAt: d.endsAt, answeredAt: null },
      });
      const [mail] = await outbox(d.expert.email, 'Ehdotus uudesta ajasta');
      expect(mail.text).toContain('Asiakasraati');

      expect(await homeOf(d)).toEqual([
        expect.objectContaining({
          assignmentId: d.assignmentId,
          title: 'Asiakasraati',
          ...to,
          fromStartsAt: d.startsAt,
        }),
      ]);

      expect(await accept(d)).toMatchObject({ ...to, status: 'accepted', timeChange: { status: 'accepted' } });
      expect(await homeOf(d)).toEqual([]);

      // The order shows the new time and the answer; the orderer is told in their own language (Swedish).
      const asOrderer = contextOf(d.orderer);
      const { requestId } = await assignments.get(asOrderer, d.assignmentId);
      const order = await m.get(BookingRequestsService).get(asOrderer, requestId);
      expect(order.assignments[0]).toMatchObject({ ...to, timeChange: { status: 'accepted' } });
      const timeline = await m.get(TimelineService).of(asOrderer, requestId);
      expect(timeline.map((e) => e.kind)).toEqual(
        expect.arrayContaining(['time_change_proposed', 'time_change_accepted']),
      );
      const [told] = await outbox(d.orderer.email, 'Den nya tiden godkändes');
      expect(told.text).toContain(EXPERT_NAME);

      // The draft contract's term follows the work.
      const [contract] = await contractsOf(d.assignmentId);
      expect(contract).toMatchObject({
        id: d.contractId,
        status: 'draft',
        version: 1,
        validFrom: to.startsAt.slice(0, 10),
      });
      expect(await auditActions(d.assignmentId)).toEqual(
        expect.arrayContaining(['assignment.time_change_proposed', 'assignment.time_changed']),
      );
    });

    it('keeps one proposal open at a time, however many are sent at once', async () => {
      const d = await booked();
      const results = await Promise.allSettled([propose(d, slot()), propose(d, slot())]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
      expect(await problemOf(Promise.reject(lost.reason))).toMatchObject({
        status: 409,
        code: BookingErrorCode.TimeChangeAlreadyOpen,
      });
      const [{ n }] = await m.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM assignment_time_changes WHERE assignment_id = $1`,
        [d.assignmentId],
      );
      expect(n).toBe(1);
    });
  });

  describe('declined', () => {
    it('changes nothing, tells the orderer they may cancel, and lets them propose again', async () => {
      const d = await booked();
      await propose(d, slot());
      expect(await decline(d)).toMatchObject({
        startsAt: d.startsAt,
        endsAt: d.endsAt,
        status: 'accepted',
        timeChange: { status: 'declined' },
      });
      const [told] = await outbox(d.orderer.email, 'Den nya tiden godkändes inte');
      expect(told.text).toContain(
        'Om du avbokar uppdraget mindre än 48 timmar före starten betalas erfarenhetsexpertens hela arvode.',
      );
      expect(await auditActions(d.assignmentId)).toContain('assignment.time_change_declined');
      // Answered once: a second answer finds nothing open.
      expect(await problemOf(accept(d))).toMatchObject({ status: 409, code: BookingErrorCode.TimeChangeNotOpen });
      // At the same instant as the declined one (the test's clock stands still): the open proposal is the one shown.
      await expect(propose(d, slot())).resolves.toMatchObject({ startsAt: d.startsAt, timeChange: { status: 'open' } });
    });
  });

  describe('left unanswered until its time', () => {
    it('can no longer be answered once the work’s time has passed: off the expert’s home, refused, nothing moved or mailed', async () => {
      const d = await booked();
      await propose(d, slot());
      m.clock.set(d.endsAt);
      expect(await homeOf(d)).toEqual([]);
      const lapsed = { status: 409, code: BookingErrorCode.TimeChangeLapsed };
      expect(await problemOf(accept(d))).toMatchObject(lapsed);
      expect(await problemOf(decline(d))).toMatchObject(lapsed);
      expect(await assignmentAs(d)).toMatchObject({ startsAt: d.startsAt, endsAt: d.endsAt, status: 'accepted' });
      expect(await outbox(d.orderer.email, 'Den nya tiden')).toEqual([]);
    });

    it('lapses when the proposed start passes first, and the orderer may then propose another time', async () => {
      const d = await booked(slot(70));
      const first = slot();
      await propose(d, first);
      m.clock.set(first.startsAt);
      expect(await homeOf(d)).toEqual([]);
      expect(await problemOf(accept(d))).toMatchObject({ status: 409, code: BookingErrorCode.TimeChangeLapsed });
      const again = slot(71);
      await expect(propose(d, again)).resolves.toMatchObject({
        startsAt: d.startsAt,
        timeChange: { status: 'open', startsAt: again.startsAt },
      });
      expect(await auditActions(d.assignmentId)).toContain('assignment.time_change_withdrawn');
      expect(await homeOf(d)).toMatchObject([{ assignmentId: d.assignmentId, startsAt: again.startsAt }]);
    });
  });

  describe('overlapping another assignment of the expert', () => {
    it('is refused when proposed onto time the expert already holds', async () => {
      const d = await booked();
      const busy = slot();
      await insertAssignment(m.db, { expertId: d.expert.id, organisationId: unitId, createdBy: d.orderer.id, ...busy });
      expect(await problemOf(propose(d, busy))).toMatchObject({
        status: 409,
        code: BookingErrorCode.ExpertDoubleBooked,
      });
    });

    it('answers the expert’s acceptance with a 409 naming the work it would overlap, and changes nothing', async () => {
      const d = await booked();
      const to = slot();
      await propose(d, to);
      // Meanwhile the expert was booked for other work at that time.
      await insertAssignment(m.db, {
        expertId: d.expert.id,
        organisationId: unitId,
        createdBy: d.orderer.id,
        title: 'Henkilöstökoulutus',
        startsAt: new Date(Date.parse(to.startsAt) + HOUR).toISOString(),
        endsAt: new Date(Date.parse(to.endsAt) + HOUR).toISOString(),
      });
      const problem = await problemOf(accept(d));
      expect(problem).toMatchObject({ status: 409, code: BookingErrorCode.ExpertDoubleBooked });
      expect(problem.detail).toMatch(/Henkilöstökoulutus/);
      expect(await assignmentAs(d)).toMatchObject({
        startsAt: d.startsAt,
        endsAt: d.endsAt,
        timeChange: { status: 'open' },
      });
      expect(await auditActions(d.assignmentId)).not.toContain('assignment.time_changed');
      // The expert can still decline it.
      expect(await decline(d)).toMatchObject({ timeChange: { status: 'declined' } });
    });
  });

  describe('after the contract was signed', () => {
    it('drafts a new version for the coordinator to approve and the expert to sign; the signed one stays until then', async () => {
      const d = await booked();
      await approve(d.contractId);
      await sign(d, d.contractId);
      expect((await assignmentAs(d)).status).toBe('confirmed');
      const to = slot();
      await propose(d, to);
      // The signed contract states the old time: the work waits for the new version's signature.
      expect(await accept(d)).toMatchObject({ ...to, status: 'accepted' });
      const contracts = await contractsOf(d.assignmentId);
      const old = contracts.find((c) => c.id === d.contractId)!;
      const next = contracts.find((c) => c.id !== d.contractId)!;
      expect(old.status).toBe('signed');
      expect(next).toMatchObject({
        number: old.number,
        version: 2,
        status: 'draft',
        supersedesId: d.contractId,
        validFrom: to.startsAt.slice(0, 10),
        validUntil: to.startsAt.slice(0, 10),
      });
      // The orderer learns of the new version (in Swedish); the draft's move above said nothing of one.
      const told = await outbox(d.orderer.email, 'Den nya tiden godkändes:');
      expect(told.map((mail) => mail.text)).toEqual([expect.stringContaining('En ny version av avtalet görs')]);

      await approve(next.id);
      await sign(d, next.id);
      const after = await contractsOf(d.assignmentId);
      expect(after.find((c) => c.id === d.contractId)!.status).toBe('superseded');
      expect(after.find((c) => c.id === next.id)!.status).toBe('signed');
      expect((await assignmentAs(d)).status).toBe('confirmed');
    });

    it('replaces an approved, unsigned contract with a new version at once', async () => {
      const d = await booked();
      await signing.approve(contextOf(coordinator), d.contractId);
      const to = slot();
      await propose(d, to);
      await accept(d);
      const contracts = await contractsOf(d.assignmentId);
      expect(contracts.find((c) => c.id === d.contractId)!.status).toBe('superseded');
      const next = contracts.find((c) => c.id !== d.contractId)!;
      expect(next).toMatchObject({
        version: 2,
        status: 'draft',
        supersedesId: null,
        validFrom: to.startsAt.slice(0, 10),
      });
      const status = await m.get(AssignmentContractService).statusOfAssignment(contextOf(d.orderer), d.assignmentId);
      expect(status).toMatchObject({ exists: true, status: 'draft' });
    });
  });

  describe('what a proposal must be', () => {
    let d: Booked;
    beforeAll(async () => {
      d = await booked();
    });

    const later = slot(60);
    it.each([
      ['an end before the start', { startsAt: later.endsAt, endsAt: later.startsAt }, 'endsAt'],
      ['an end at the start', { startsAt: later.startsAt, endsAt: later.startsAt }, 'endsAt'],
      ['a start in the past', { startsAt: '2026-09-30T07:00:00Z', endsAt: '2026-09-30T09:00:00Z' }, 'startsAt'],
      ['a day longer than ten hours', { startsAt: later.startsAt, endsAt: '2026-12-31T07:00:00Z' }, 'endsAt'],
    ])('refuses %s, naming the field', async (_label, plain, field) => {
      const problem = await problemOf(propose(d, plain));
      expect(problem.status).toBe(400);
      expect(problem.errors!.map((e) => e.field)).toContain(field);
    });

    it('refuses the time the work already has', async () => {
      const problem = await problemOf(propose(d, { startsAt: d.startsAt, endsAt: d.endsAt }));
      expect(problem.status).toBe(400);
      expect(problem.errors![0]).toMatchObject({ field: 'startsAt', code: 'unchanged' });
    });

    it('refuses to move work that was cancelled or has begun', async () => {
      const cancelled = await booked();
      await assignments.cancel(contextOf(cancelled.orderer), cancelled.assignmentId, { reason: 'Tila suljettu' });
      expect(await problemOf(propose(cancelled, slot()))).toMatchObject({
        status: 409,
        code: BookingErrorCode.AssignmentNotMovable,
      });
      const begun = await booked(slot());
      m.clock.set(new Date(Date.parse(begun.startsAt) + HOUR));
      expect(await problemOf(propose(begun, slot(90)))).toMatchObject({
        status: 409,
        code: BookingErrorCode.AssignmentNotMovable,
      });
    });
  });

  describe('cancellation after a declined change', () => {
    const at = (start: number, hoursBefore: number) => m.clock.set(new Date(start - hoursBefore * HOUR));
    const quoteOf = (d: Booked) => m.get(CancellationQuoteService).forAssignment(contextOf(d.orderer), d.assignmentId);
    const cancel = (d: Booked, reason: string) => assignments.cancel(contextOf(d.orderer), d.assignmentId, { reason });

    async function declinedAt(proposedHoursBefore: number) {
      const d = await booked();
      const start = Date.parse(d.startsAt);
      at(start, proposedHoursBefore);
      await propose(d, slot());
      at(start, 40);
      await decline(d);
      // Cancelled a day before the start: late by the clock on the wall.
      at(start, 24);
      return d;
    }

    it('counts the 48 hours to the start the work has: a change proposed three days before and declined moves nothing', async () => {
      const d = await declinedAt(72);
      expect(await quoteOf(d)).toMatchObject({ feeDue: true, totalFeeCents: 7500 });
      expect(await cancel(d, 'Uusi aika ei sopinut')).toMatchObject({ status: 'cancelled', feeDue: true });
    });

    it('finds the fee due as well when the change itself was proposed inside the 48 hours', async () => {
      const d = await declinedAt(45);
      expect((await quoteOf(d)).feeDue).toBe(true);
      expect((await cancel(d, 'Uusi aika ei sopinut')).feeDue).toBe(true);
    });

    it('leaves the clock alone without a declined change, and withdraws a change still waiting for an answer', async () => {
      const d = await booked();
      const start = Date.parse(d.startsAt);
      at(start, 72);
      await propose(d, slot());
      at(start, 24);
      expect((await quoteOf(d)).feeDue).toBe(true);
      await cancel(d, 'Ei tarvita');
      expect(await assignmentAs(d)).toMatchObject({
        status: 'cancelled',
        feeDue: true,
        timeChange: { status: 'withdrawn' },
      });
      expect(await homeOf(d)).toEqual([]);
    });
  });
});
