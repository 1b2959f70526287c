import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { BookingErrorCode } from '../../src/modules/booking/booking.errors';
import { AssignmentsService } from '../../src/modules/booking/assignments/assignments.service';
import { CreateRequestDto } from '../../src/modules/booking/dto/create-request.dto';
import { BookingRequestEntity, RequestStatus } from '../../src/modules/booking/entities/booking-request.entity';
import { MatchingService } from '../../src/modules/booking/matching/matching.service';
import { OffersService } from '../../src/modules/booking/offers/offers.service';
import { BookingRequestsService } from '../../src/modules/booking/requests/booking-requests.service';
import { CancellationQuoteService } from '../../src/modules/booking/cancellation-quote/cancellation-quote.service';
import { createBookableExpert } from '../factories/bookable.factory';
import { createOffer, createRequest, RequestOverrides, requestBody } from '../factories/booking.factory';
import { addMember, createOrdererOfUnit, createUnit } from '../factories/organisations.factory';
import { createUser, TestUser } from '../factories/users.factory';
import { body, contextOf, createMediumApp, MediumApp, problemOf, untilAStatementWaitsForALock } from './medium-app';

// The app's clock stands still on 1 Oct 2026 10:00 local time; requests lie in the weeks after.
const NOW = '2026-10-01T07:00:00Z';
const DEADLINE = '2026-10-10T12:00:00Z';

// A booking's states through the services on the real database: submitting an order, offering, accepting, booking
// directly, cancelling, withdrawing and completing, and what each refuses (the routes, who may call them, the
// validation of the bodies and the mails as sent are test/api/booking/'s).
describe('booking transitions (service and database)', () => {
  let m: MediumApp;
  let requests: BookingRequestsService;
  let offers: OffersService;
  let assignments: AssignmentsService;
  let matching: MatchingService;
  let quotes: CancellationQuoteService;
  let coordinator: TestUser;
  let coordinator2: TestUser;
  let orderer: TestUser;
  let unitId: string;

  beforeAll(async () => {
    m = await createMediumApp();
    m.clock.set(NOW);
    requests = m.get(BookingRequestsService);
    offers = m.get(OffersService);
    assignments = m.get(AssignmentsService);
    matching = m.get(MatchingService);
    quotes = m.get(CancellationQuoteService);
    coordinator = await createUser(m.db, Role.Coordinator);
    coordinator2 = await createUser(m.db, Role.Coordinator);
    ({ orderer, unitId } = await createOrdererOfUnit(m.db));
  });
  afterAll(() => m.close());

  const asCoordinator = () => contextOf(coordinator);
  // An order of the unit's in the given state (matching unless told), straight in the tables.
  const ordered = (overrides: RequestOverrides = {}) =>
    createRequest(m.db, unitId, orderer.id, { status: RequestStatus.Matching, ...overrides });
  const offer = (request: BookingRequestEntity, expert: TestUser, deadline = DEADLINE) =>
    createOffer(m.db, request, expert.id, coordinator.id, { deadline });
  const offersOf = (requestId: string) => m.db.query(`SELECT id FROM offers WHERE request_id = $1`, [requestId]);
  const rowOf = async (table: 'booking_requests' | 'offers' | 'assignments', id: string) =>
    ((await m.db.query(`SELECT * FROM ${table} WHERE id = $1`, [id])) as Record<string, unknown>[])[0];
  const outbox = async (to: string, subjectStart: string) =>
    (await m.db.query(
      `SELECT subject, text_body AS text FROM mail_messages WHERE to_address = $1 AND starts_with(subject, $2)`,
      [to, subjectStart],
    )) as { subject: string; text: string }[];
  // An expert who accepted an offer of work at this time; the acceptance as the service answered it.
  async function accepted(startsAt: string, endsAt: string) {
    const expert = await createBookableExpert(m.db, { topics: ['ageing'] });
    const request = await ordered({ topics: ['ageing'], startsAt, endsAt });
    const booked = await offers.accept(
      contextOf(expert),
      (await offer(request, expert, '2026-10-05T12:00:00Z')).id,
      {},
    );
    return { expert, request, assignmentId: booked.id };
  }

  describe('orders', () => {
    it('submits a draft once: a second submission is refused and changes nothing', async () => {
      const draft = await requests.create(contextOf(orderer), await body(CreateRequestDto, requestBody(unitId)));
      expect(draft).toMatchObject({ status: RequestStatus.Draft });
      expect(await requests.submit(contextOf(orderer), draft.id)).toMatchObject({ status: RequestStatus.Submitted });
      const row = await rowOf('booking_requests', draft.id);
      expect(await problemOf(requests.submit(contextOf(orderer), draft.id))).toMatchObject({
        status: 409,
        code: BookingErrorCode.RequestStatusConflict,
      });
      expect(await rowOf('booking_requests', draft.id)).toEqual(row);
    });

    it('refuses a unit the orderer does not belong to or that does not exist, and one not active on the day', async () => {
      const count = async () => Number((await m.db.query(`SELECT count(*) FROM booking_requests`))[0].count);
      const before = await count();
      const create = async (organisationId: string) =>
        problemOf(requests.create(contextOf(orderer), await body(CreateRequestDto, requestBody(organisationId))));
      for (const organisationId of [(await createUnit(m.db)).id, randomUUID()])
        expect(await create(organisationId)).toMatchObject({ status: 403, code: BookingErrorCode.NotOwnOrganisation });
      const ended = await createUnit(m.db, { activeUntil: '2026-10-19' });
      await addMember(m.db, ended.id, orderer.id);
      expect(await create(ended.id)).toMatchObject({ status: 400, code: BookingErrorCode.OrganisationInactive });
      expect(await count()).toBe(before);
    });
  });

  describe('offers and bookings', () => {
    it('refuses an offer to an expert who does not match, leaving no offer behind', async () => {
      const request = await ordered({ topics: ['unemployment'], status: RequestStatus.Submitted });
      const ok = await createBookableExpert(m.db, { topics: ['unemployment'] });
      const wrong = await createBookableExpert(m.db, { topics: ['ageing'] });
      const problem = await problemOf(
        offers.send(asCoordinator(), request.id, { expertIds: [ok.id, wrong.id], deadline: DEADLINE }),
      );
      expect(problem).toMatchObject({ status: 400, code: BookingErrorCode.ExpertNotMatching });
      expect(problem.errors?.map((e) => e.field)).toEqual(['expertIds']);
      expect(await offersOf(request.id)).toEqual([]);
    });

    it('names expertId, the field it was sent in, when a direct booking names an expert who does not match', async () => {
      const request = await ordered({ topics: ['unemployment'], status: RequestStatus.Submitted });
      const wrong = await createBookableExpert(m.db, { topics: ['ageing'] });
      const problem = await problemOf(assignments.assignDirectly(asCoordinator(), request.id, { expertId: wrong.id }));
      expect(problem).toMatchObject({ status: 400, code: BookingErrorCode.ExpertNotMatching });
      expect(problem.errors?.map((e) => e.field)).toEqual(['expertId']);
      expect(problem.detail).toMatch(/^expertId: /);
    });

    it('withdraws the open offers when a direct booking fills the request, and the booked expert’s own offer at once', async () => {
      const request = await ordered({ topics: ['neurodivergence'], expertsNeeded: 2 });
      const [waiting, booked, second] = await Promise.all(
        [1, 2, 3].map(() => createBookableExpert(m.db, { topics: ['neurodivergence'] })),
      );
      const waitingOffer = await offer(request, waiting);
      const bookedOffer = await offer(request, booked);
      await assignments.assignDirectly(asCoordinator(), request.id, { expertId: booked.id });
      expect((await rowOf('offers', bookedOffer.id)).status).toBe('withdrawn');
      expect((await rowOf('offers', waitingOffer.id)).status).toBe('offered');
      await assignments.assignDirectly(asCoordinator(), request.id, { expertId: second.id });
      expect((await rowOf('booking_requests', request.id)).status).toBe(RequestStatus.Filled);
      expect((await rowOf('offers', waitingOffer.id)).status).toBe('withdrawn');
      expect(await problemOf(offers.accept(contextOf(waiting), waitingOffer.id, {}))).toMatchObject({
        status: 409,
        code: BookingErrorCode.RequestAlreadyFilled,
      });
    });

    it('asks for an acknowledgement before an acceptance crosses the yearly earnings ceiling', async () => {
      const expert = await createBookableExpert(m.db, {
        topics: ['long_term_illness'],
        yearlyEarningsCeilingCents: 4000,
      });
      const request = await ordered({ topics: ['long_term_illness'] });
      const { id } = await offer(request, expert);
      // 2 h at 25 €/h = 50 € > 40 €.
      expect(await problemOf(offers.accept(contextOf(expert), id, {}))).toMatchObject({
        status: 409,
        code: BookingErrorCode.EarningsCeilingAckRequired,
      });
      expect((await rowOf('offers', id)).status).toBe('offered');
      await offers.accept(contextOf(expert), id, { acknowledgeEarningsCeiling: true });
      expect((await rowOf('offers', id)).status).toBe('accepted');
    });

    it('refuses a direct booking past the expert’s yearly earnings ceiling unless the coordinator says the expert agreed, and records it', async () => {
      const expert = await createBookableExpert(m.db, {
        topics: ['family_carer'],
        yearlyEarningsCeilingCents: 4000,
      });
      const request = await ordered({ topics: ['family_carer'] });
      // 2 h at 25 €/h = 50 € > 40 €.
      const refused = await problemOf(assignments.assignDirectly(asCoordinator(), request.id, { expertId: expert.id }));
      expect(refused).toMatchObject({
        status: 409,
        code: BookingErrorCode.DirectBookingCrossesCeiling,
        ceiling: { earnedCents: 0, expectedCents: 5000, ceilingCents: 4000 },
      });
      expect(refused.detail).toContain('expertAgreedToCrossCeiling');
      expect(await m.db.query(`SELECT id FROM assignments WHERE request_id = $1`, [request.id])).toEqual([]);
      expect((await rowOf('booking_requests', request.id)).status).toBe(RequestStatus.Matching);

      const booked = await assignments.assignDirectly(asCoordinator(), request.id, {
        expertId: expert.id,
        expertAgreedToCrossCeiling: true,
      });
      expect(await rowOf('assignments', booked.id)).toMatchObject({ ceiling_crossing_agreed: true, offer_id: null });
      expect(
        await m.db.query(
          `SELECT actor_id AS "actorId", details FROM audit_events WHERE action = 'assignment.created' AND entity_id = $1`,
          [booked.id],
        ),
      ).toEqual([
        {
          actorId: coordinator.id,
          details: {
            requestId: request.id,
            direct: true,
            // The agreement, not the amounts: the admin reads the trail (PRODUCT §6).
            ceilingCrossingAgreed: true,
          },
        },
      ]);
    });

    it('records no agreement when a direct booking stays within the ceiling, whatever the request says', async () => {
      const expert = await createBookableExpert(m.db, { topics: ['family_carer'], yearlyEarningsCeilingCents: 5000 });
      const request = await ordered({
        topics: ['family_carer'],
        startsAt: '2026-10-21T07:00:00Z',
        endsAt: '2026-10-21T09:00:00Z',
      });
      // 50 € reaches the ceiling of 50 € exactly: not past it.
      const booked = await assignments.assignDirectly(asCoordinator(), request.id, {
        expertId: expert.id,
        expertAgreedToCrossCeiling: true,
      });
      expect(await rowOf('assignments', booked.id)).toMatchObject({ ceiling_crossing_agreed: false });
    });

    it('counts, under the expert’s lock, the work a booking of the expert committed while the direct booking waited', async () => {
      const expert = await createBookableExpert(m.db, { topics: ['family_carer'], yearlyEarningsCeilingCents: 6000 });
      const first = await ordered({
        topics: ['family_carer'],
        startsAt: '2026-10-22T07:00:00Z',
        endsAt: '2026-10-22T09:00:00Z',
      });
      const second = await ordered({
        topics: ['family_carer'],
        startsAt: '2026-10-23T07:00:00Z',
        endsAt: '2026-10-23T09:00:00Z',
      });
      // Another booking of the expert (an acceptance, say) holds the expert's lock and has written its 50 €: the direct
      // booking's 50 € would be within the ceiling alone, and past it with the other's.
      const holder = m.db.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      await holder.query(`SELECT 1 FROM experts WHERE user_id = $1 FOR NO KEY UPDATE`, [expert.id]);
      await holder.query(
        `INSERT INTO assignments (request_id, expert_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)`,
        [first.id, expert.id, first.startsAt, first.endsAt],
      );
      const direct = problemOf(assignments.assignDirectly(asCoordinator(), second.id, { expertId: expert.id }));
      await untilAStatementWaitsForALock(m.db);
      await holder.commitTransaction();
      await holder.release();
      expect(await direct).toMatchObject({
        status: 409,
        code: BookingErrorCode.DirectBookingCrossesCeiling,
        ceiling: { earnedCents: 5000, expectedCents: 5000, ceilingCents: 6000 },
      });
      expect(await m.db.query(`SELECT id FROM assignments WHERE request_id = $1`, [second.id])).toEqual([]);
    });

    it('lets one of two coordinators booking one expert into conflicting requests at once win', async () => {
      const expert = await createBookableExpert(m.db, { topics: ['disability'] });
      const r1 = await ordered({
        topics: ['disability'],
        startsAt: '2026-10-28T07:00:00Z',
        endsAt: '2026-10-28T09:00:00Z',
      });
      const r2 = await ordered({
        topics: ['disability'],
        startsAt: '2026-10-28T08:00:00Z',
        endsAt: '2026-10-28T10:00:00Z',
      });
      const results = await Promise.allSettled([
        assignments.assignDirectly(contextOf(coordinator), r1.id, { expertId: expert.id }),
        assignments.assignDirectly(contextOf(coordinator2), r2.id, { expertId: expert.id }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
      expect(await problemOf(Promise.reject(lost.reason))).toMatchObject({
        status: 409,
        code: BookingErrorCode.ExpertDoubleBooked,
      });
    });

    // PostgreSQL counts the deadlocks it broke per database; backends report them within a second or so.
    async function deadlocks(): Promise<number> {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const [row] = (await m.db.query(
        'SELECT pg_stat_clear_snapshot(), deadlocks FROM pg_stat_database WHERE datname = current_database()',
      )) as { deadlocks: string }[];
      return Number(row.deadlocks);
    }

    it('lets exactly one of 200 simultaneous acceptances of overlapping offers for one expert through, refusing the rest without a deadlock', async () => {
      const expert = await createBookableExpert(m.db, { topics: ['substance_use'] });
      const offerIds: string[] = [];
      for (let i = 0; i < 200; i++) {
        const start = new Date(Date.parse('2026-10-27T05:00:00Z') + i * 60_000);
        const end = new Date(start.getTime() + 4 * 3600_000);
        const request = await ordered({
          topics: ['substance_use'],
          startsAt: start.toISOString(),
          endsAt: end.toISOString(),
        });
        offerIds.push((await offer(request, expert)).id);
      }
      const deadlocksBefore = await deadlocks();
      const results = await Promise.allSettled(offerIds.map((id) => offers.accept(contextOf(expert), id, {})));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const codes = await Promise.all(
        results
          .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
          .map(async (r) => {
            const { status, code } = await problemOf(Promise.reject(r.reason));
            return `${status} ${code}`;
          }),
      );
      expect(codes).toHaveLength(199);
      expect(new Set(codes)).toEqual(new Set([`409 ${BookingErrorCode.ExpertDoubleBooked}`]));
      expect(await deadlocks()).toBe(deadlocksBefore);
    }, 120_000);
  });

  describe('matching only while a request is open', () => {
    const topic = 'child_welfare';

    it.each([
      [RequestStatus.Draft, BookingErrorCode.RequestNotOpenForMatching],
      [RequestStatus.Cancelled, BookingErrorCode.RequestNotOpenForMatching],
      [RequestStatus.Completed, BookingErrorCode.RequestNotOpenForMatching],
      [RequestStatus.Filled, BookingErrorCode.RequestAlreadyFilled],
    ])('refuses candidates, offers and a direct booking for a %s request with %s', async (state, code) => {
      const expert = await createBookableExpert(m.db, { topics: [topic] });
      const request = await ordered({ topics: [topic], status: state });
      const row = await rowOf('booking_requests', request.id);
      const listed = await problemOf(matching.candidates(asCoordinator(), request.id, { limit: 50, offset: 0 }));
      expect(listed).toMatchObject({ status: 409, code });
      if (code === BookingErrorCode.RequestNotOpenForMatching) expect(listed.detail).toContain(`A ${state} request`);
      const offered = offers.send(asCoordinator(), request.id, { expertIds: [expert.id], deadline: DEADLINE });
      expect(await problemOf(offered)).toMatchObject({ status: 409, code });
      const booked = assignments.assignDirectly(asCoordinator(), request.id, { expertId: expert.id });
      expect(await problemOf(booked)).toMatchObject({ status: 409, code });
      expect(await offersOf(request.id)).toEqual([]);
      expect(await m.db.query(`SELECT id FROM assignments WHERE request_id = $1`, [request.id])).toEqual([]);
      expect(await rowOf('booking_requests', request.id)).toEqual(row);
    });

    it.each([RequestStatus.Submitted, RequestStatus.Matching, RequestStatus.PartiallyFilled])(
      'lists candidates for a %s request',
      async (state) => {
        // A language of its own keeps the other experts of the database off the list.
        const expert = await createBookableExpert(m.db, { topics: [topic], languages: ['et'] });
        const request = await ordered({ topics: [topic], languages: ['et'], status: state });
        const page = await matching.candidates(asCoordinator(), request.id, { limit: 200, offset: 0 });
        expect(page.items.map((c) => c.expertId)).toContain(expert.id);
      },
    );
  });

  describe('cancellation and completion', () => {
    it.each([
      ['just under 48 hours before the start: the fee is due', '2026-10-13T07:00:00.001Z', true],
      ['exactly 48 hours before the start: no fee', '2026-10-13T07:00:00.000Z', false],
    ])('%s', async (_label, cancelAt, feeDue) => {
      const { assignmentId, expert } = await accepted('2026-10-15T07:00:00Z', '2026-10-15T08:00:00Z');
      m.clock.set(cancelAt);
      try {
        const res = await assignments.cancel(contextOf(orderer), assignmentId, { reason: 'Tila ei ole käytettävissä' });
        expect(res).toMatchObject({ status: 'cancelled', cancelledBy: 'county', feeDue });
        expect((await rowOf('assignments', assignmentId)).fee_due).toBe(feeDue);
        const [mail] = await outbox(expert.email, 'Toimeksianto peruttu');
        expect(mail.text).toContain(feeDue ? 'täysimääräisenä' : 'ei makseta');
      } finally {
        m.clock.set(NOW);
      }
    });

    it('lets the expert withdraw without a fee, tells coordinators and the orderer, and reopens the request', async () => {
      const { assignmentId, expert, request } = await accepted('2026-10-16T07:00:00Z', '2026-10-16T08:00:00Z');
      const res = await assignments.withdraw(contextOf(expert), assignmentId, { reason: 'Sairastuin' });
      expect(res).toMatchObject({ status: 'cancelled', cancelledBy: 'expert', feeDue: false });
      expect((await rowOf('booking_requests', request.id)).status).toBe(RequestStatus.Matching);
      expect(await outbox(coordinator.email, 'Kokemusosaaja perui osallistumisensa:')).toHaveLength(1);
      const [toOrderer] = await outbox(orderer.email, 'Kokemusosaaja perui osallistumisensa tilaukseesi');
      expect(toOrderer.text).toContain('Tilauksesi on taas avoinna');
    });

    it('refuses cancelling an order, or its booked work, once the work has ended: it is confirmed or marked a no-show instead', async () => {
      const { assignmentId, expert, request } = await accepted('2026-10-18T07:00:00Z', '2026-10-18T08:00:00Z');
      const unbooked = await ordered({ startsAt: '2026-10-18T07:00:00Z', endsAt: '2026-10-18T08:00:00Z' });
      m.clock.set('2026-10-18T08:00:00Z');
      try {
        const ended = { status: 409, code: BookingErrorCode.WorkEnded };
        const reason = { reason: 'Tilaisuus jäi pitämättä' };
        expect(await problemOf(requests.cancel(contextOf(orderer), request.id, reason))).toMatchObject(ended);
        expect(await problemOf(quotes.forRequest(contextOf(orderer), request.id))).toMatchObject(ended);
        expect(await problemOf(assignments.cancel(asCoordinator(), assignmentId, reason))).toMatchObject(ended);
        expect(await problemOf(quotes.forAssignment(asCoordinator(), assignmentId))).toMatchObject(ended);
        expect(await problemOf(assignments.withdraw(contextOf(expert), assignmentId, reason))).toMatchObject(ended);
        expect((await rowOf('booking_requests', request.id)).status).toBe(RequestStatus.Filled);
        expect((await rowOf('assignments', assignmentId)).status).toBe('accepted');
        // Nobody booked, nothing to confirm: an order past its time is closed by cancelling it, at no cost.
        expect((await requests.cancel(contextOf(orderer), unbooked.id, reason)).status).toBe(RequestStatus.Cancelled);
        // A moment before the end it is still cancelled, late (the fee falls due).
        m.clock.set('2026-10-18T07:59:59.999Z');
        const res = await requests.cancel(contextOf(orderer), request.id, reason);
        expect(res.status).toBe(RequestStatus.Cancelled);
        expect((await rowOf('assignments', assignmentId)).fee_due).toBe(true);
      } finally {
        m.clock.set(NOW);
      }
    });

    it('confirms the work only after its end and under a signed contract, completes the request, and only once', async () => {
      const { assignmentId, request } = await accepted('2026-10-17T07:00:00Z', '2026-10-17T08:00:00Z');
      expect(
        await problemOf(assignments.complete(contextOf(orderer), assignmentId, { tookPlace: true })),
      ).toMatchObject({ status: 409, code: BookingErrorCode.AssignmentNotEnded });
      expect((await rowOf('assignments', assignmentId)).status).toBe('accepted');
      m.clock.set('2026-10-17T08:00:00Z');
      try {
        // Accepted, its contract not yet signed: not yet (a no-show could be marked).
        expect(
          await problemOf(assignments.complete(contextOf(orderer), assignmentId, { tookPlace: true })),
        ).toMatchObject({ status: 409, code: BookingErrorCode.AssignmentNotUnderContract });
        // As the contract's signing leaves the work (the signing is the contracts' own tests').
        await m.db.query(`UPDATE assignments SET status = 'confirmed' WHERE id = $1`, [assignmentId]);
        const res = await assignments.complete(contextOf(orderer), assignmentId, { tookPlace: true });
        expect(res.status).toBe('completed');
        expect((await rowOf('booking_requests', request.id)).status).toBe(RequestStatus.Completed);
        // Each change of the order's state is a row in the audit log (PRODUCT.md §4), the automatic ones too.
        const changes = await m.db.query(
          `SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'request.status_changed' ORDER BY occurred_at, id`,
          [request.id],
        );
        expect(changes.map((c: { details: unknown }) => c.details)).toEqual([{ from: 'filled', to: 'completed' }]);
        const again = assignments.complete(contextOf(orderer), assignmentId, { tookPlace: true });
        expect(await problemOf(again)).toMatchObject({ status: 409, code: BookingErrorCode.AssignmentStatusConflict });
      } finally {
        m.clock.set(NOW);
      }
    });
  });
});
