import { Role } from '../../../src/common/auth/role.enum';
import { Language } from '../../../src/common/i18n/language';
import { OfferEntity } from '../../../src/modules/booking/entities/offer.entity';
import { matchingScore } from '../../../src/modules/booking/matching/matching-score.rule';
import { addAbsence } from '../../factories/availability.factory';
import { createBookableExpert } from '../../factories/bookable.factory';
import { requestBody } from '../../factories/booking.factory';
import { createExpert } from '../../factories/experts.factory';
import { addMember, createUnit, signedInOrdererOfUnit } from '../../factories/organisations.factory';
import { createUser, login, TestUser } from '../../factories/users.factory';
import { queriesOf } from '../../utils/query-count';
import { createTestApp, TestApp } from '../../utils/test-app';
import { asUser } from '../../utils/as-user';

// The app's clock stands still on 1 Oct 2026 10:00 local time; requests lie in the weeks after.
const NOW = '2026-10-01T07:00:00Z';

// Where the rules are tested: a booking's transitions and refusals (submitting, offering, accepting, direct
// booking, the 48-hour cancellation fee, withdrawal, completion, matching only while a request is open, the
// 200 simultaneous acceptances) through the services on the real database in
// test/medium/booking-transitions.ts. Here, over HTTP: the routes and their answers, who sees what,
// validation of the bodies, the ranking of candidates, concurrency over HTTP, the delayed expiry job and the mails.
describe('booking', () => {
  let t: TestApp;
  let coordinator: string;
  let orderer: TestUser & { token: string };
  let unitId: string;
  let otherUnitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    coordinator = await login(t.http, await createUser(t.db, Role.Coordinator));
    ({ orderer, unitId } = await signedInOrdererOfUnit(t.db, t.http));
    otherUnitId = (await createUnit(t.db)).id;
  });
  afterAll(() => t.close());

  const as = asUser(() => t.http);

  // A distinct topic per test keeps each test's candidates to the experts it made.
  const order = (overrides: Record<string, unknown> = {}) => requestBody(unitId, overrides);

  async function submitted(overrides: Record<string, unknown> = {}): Promise<string> {
    const created = await as(orderer.token).post('/booking-requests', order(overrides)).expect(201);
    await as(orderer.token).post(`/booking-requests/${created.body.id}/submit`).expect(200);
    return created.body.id;
  }

  async function offer(requestId: string, expertIds: string[], deadline = '2026-10-10T12:00:00Z'): Promise<string[]> {
    const res = await as(coordinator)
      .post(`/booking-requests/${requestId}/offers`, { expertIds, deadline })
      .expect(201);
    return res.body.map((o: { id: string }) => o.id);
  }

  // Other spec files share the database: a matching test judges only the experts it made itself.
  // The whole ranking, page by page (200 a page, the most the API gives at once).
  async function ranking(
    requestId: string,
    limit = 200,
  ): Promise<{ expertId: string; name: string; score: number; reasons: string[] }[]> {
    const all = [];
    for (let offset = 0; ; offset += limit) {
      const res = await as(coordinator)
        .get(`/booking-requests/${requestId}/candidates?limit=${limit}&offset=${offset}`)
        .expect(200);
      expect(res.body).toEqual({ items: expect.any(Array), total: expect.any(Number), limit, offset });
      expect(res.body.items.length).toBe(Math.max(0, Math.min(limit, res.body.total - offset)));
      all.push(...res.body.items);
      if (offset + limit >= res.body.total) return all;
    }
  }

  async function candidates(requestId: string, own: { id: string }[]) {
    const ids = new Set(own.map((e) => e.id));
    return { body: (await ranking(requestId)).filter((c) => ids.has(c.expertId)) };
  }

  describe('orders', () => {
    it('drafts and submits an order for the orderer’s own unit, with the cost centre of the unit', async () => {
      const res = await as(orderer.token).post('/booking-requests', order()).expect(201);
      expect(res.body).toMatchObject({ status: 'draft', preparationHours: 1, organisationId: unitId });
      expect(res.body.costCentre).toMatch(/^U/);
      const sent = await as(orderer.token).post(`/booking-requests/${res.body.id}/submit`).expect(200);
      expect(sent.body.status).toBe('submitted');
    });

    it('answers an order for a unit the orderer does not belong to with 403 problem details', async () => {
      const foreign = await as(orderer.token)
        .post('/booking-requests', order({ organisationId: otherUnitId }))
        .expect(403);
      expect(foreign.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(foreign.body).toMatchObject({ status: 403, code: 'NOT_OWN_ORGANISATION' });
    });

    it.each([
      [{ startsAt: '2026-09-30T07:00:00Z', endsAt: '2026-09-30T08:00:00Z' }, 'startsAt'],
      [{ endsAt: '2026-10-20T06:00:00Z' }, 'endsAt'],
      [{ endsAt: '2026-10-20T18:00:00Z' }, 'endsAt'],
      [{ languages: ['xx'] }, 'languages'],
      [{ topics: ['tarot'] }, 'topics'],
      [{ municipality: '123' }, 'municipality'],
      [{ expertsNeeded: 11 }, 'expertsNeeded'],
      [{ address: undefined }, 'address'],
    ])('refuses %j naming %s', async (overrides, field) => {
      const res = await as(orderer.token).post('/booking-requests', order(overrides)).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('hides another unit’s request from an orderer and the candidate list from every orderer', async () => {
      const id = await submitted();
      const stranger = await createUser(t.db, Role.Orderer);
      const strangerToken = await login(t.http, stranger);
      await addMember(t.db, otherUnitId, stranger.id);
      await as(strangerToken).get(`/booking-requests/${id}`).expect(404);
      await as(strangerToken).post(`/booking-requests/${id}/cancel`, { reason: 'x' }).expect(404);
      const list = await as(strangerToken).get('/booking-requests?limit=100').expect(200);
      expect(list.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
      await as(orderer.token).get(`/booking-requests/${id}/candidates`).expect(403);
    });
  });

  describe('matching', () => {
    it('lists exactly the matching experts, ranked, with reasons', async () => {
      const topic = 'neurodivergence';
      const best = await createBookableExpert(t.db, {
        name: 'Aino Paras',
        topics: [topic, 'ageing'],
        languages: ['fi'],
      });
      const second = await createBookableExpert(t.db, {
        name: 'Bertil Andra',
        topics: [topic],
        languages: ['sv', 'fi'],
        homeMunicipality: '499',
        travelMunicipalities: ['905'],
      });
      const busy = await createBookableExpert(t.db, { name: 'Cecilia Upptagen', topics: [topic] });
      // Not candidates, each for one reason:
      const others = [
        await createBookableExpert(t.db, { name: 'No Language', topics: [topic], languages: ['en'] }),
        await createBookableExpert(t.db, { name: 'No Topic', topics: ['disability'] }),
        await createBookableExpert(t.db, { name: 'Paused', topics: [topic], status: 'paused' as never }),
        await createBookableExpert(t.db, {
          name: 'Far Away',
          topics: [topic],
          homeMunicipality: '231',
          travelMunicipalities: [],
        }),
        await createBookableExpert(t.db, { name: 'Wrong Task', topics: [topic], taskTypes: ['lecture' as never] }),
        await createExpert(t.db, { name: 'Unverified', topics: [topic] }),
        await createBookableExpert(t.db, { name: 'On Holiday', topics: [topic] }),
        await createBookableExpert(t.db, { name: 'Mornings Only', topics: [topic] }, [
          { weekday: 2, from: '08:00', to: '09:30' },
        ]),
      ];
      await addAbsence(t.db, others[6].id, { firstDay: '2026-10-12', lastDay: '2026-11-01' });
      const capped = await createBookableExpert(t.db, { name: 'Week Full', topics: [topic], maxPerWeek: 1 });

      // Busy holds an overlapping assignment; Capped already has one this week.
      const overlap = await submitted({
        topics: [topic],
        startsAt: '2026-10-20T08:00:00Z',
        endsAt: '2026-10-20T10:00:00Z',
      });
      const [busyOffer] = await offer(overlap, [busy.id]);
      await as(await login(t.http, busy))
        .post(`/offers/${busyOffer}/accept`)
        .expect(201);
      const sameWeek = await submitted({
        topics: [topic],
        startsAt: '2026-10-22T07:00:00Z',
        endsAt: '2026-10-22T08:00:00Z',
      });
      const [cappedOffer] = await offer(sameWeek, [capped.id]);
      await as(await login(t.http, capped))
        .post(`/offers/${cappedOffer}/accept`)
        .expect(201);

      const id = await submitted({ topics: [topic, 'ageing'] });
      const res = await candidates(id, [best, second, busy, capped, ...others]);
      expect(res.body.map((c: { name: string }) => c.name)).toEqual(['Aino Paras', 'Bertil Andra']);
      expect(res.body[0]).toMatchObject({
        expertId: best.id,
        reasons: ['language:fi', 'topic:ageing', `topic:${topic}`, 'place:home', 'recent:0'],
      });
      expect(res.body[1]).toMatchObject({
        expertId: second.id,
        reasons: ['language:fi', `topic:${topic}`, 'place:travels', 'recent:0'],
      });
      expect(res.body[0].score).toBeGreaterThan(res.body[1].score);
      // The SQL's score is the rule's: two topics, at home, the first language; one topic, travelling, the first language.
      expect(res.body[0].score).toBe(
        matchingScore({ sharedTopics: 2, atHome: true, speaksFirstLanguage: true, recentAssignments: 0 }),
      );
      expect(res.body[1].score).toBe(
        matchingScore({ sharedTopics: 1, atHome: false, speaksFirstLanguage: true, recentAssignments: 0 }),
      );
    });

    it('ranks an expert with fewer recent assignments first', async () => {
      const topic = 'migration';
      const rested = await createBookableExpert(t.db, { name: 'Zelda Levännyt', topics: [topic] });
      const worked = await createBookableExpert(t.db, { name: 'Aaro Ahkera', topics: [topic] });
      // Two completed assignments in September for the hard worker.
      for (const day of ['2026-09-08', '2026-09-15']) {
        const [r] = await t.db.query(
          `INSERT INTO booking_requests (organisation_id, cost_centre, created_by, status, task_type, title, starts_at, ends_at, remote, languages)
           VALUES ($1, 'U', $2, 'completed', 'working_group', 'Past', $3::date + time '07:00', $3::date + time '08:00', true, '{fi}') RETURNING id`,
          [unitId, orderer.id, day],
        );
        await t.db.query(
          `INSERT INTO assignments (request_id, expert_id, status, starts_at, ends_at) SELECT $1, $2, 'completed', starts_at, ends_at FROM booking_requests WHERE id = $1`,
          [r.id, worked.id],
        );
      }
      const id = await submitted({ topics: [topic] });
      const res = await candidates(id, [rested, worked]);
      expect(res.body.map((c: { expertId: string }) => c.expertId)).toEqual([rested.id, worked.id]);
      expect(res.body[1].reasons).toContain('recent:2');
      expect(res.body[1].score).toBe(
        matchingScore({ sharedTopics: 1, atHome: true, speaksFirstLanguage: true, recentAssignments: 2 }),
      );
    });

    it('tells why: the experts left after each condition of a match in turn, the last being the candidates', async () => {
      const topic = 'family_carer';
      const id = await submitted({ topics: [topic] });
      const funnel = async () =>
        Object.fromEntries(
          (await as(coordinator).get(`/booking-requests/${id}/match-funnel`).expect(200)).body.steps.map(
            (s: { step: string; experts: number }) => [s.step, s.experts],
          ),
        ) as Record<string, number>;
      const before = await funnel();
      // One who matches; one without the topic; one who has set no times; one whose credential is not verified.
      await createBookableExpert(t.db, { topics: [topic] });
      await createBookableExpert(t.db, { topics: ['ageing'] });
      await createBookableExpert(t.db, { topics: [topic] }, []);
      await createExpert(t.db, { topics: [topic] });
      const after = await funnel();
      const added = Object.fromEntries(Object.entries(after).map(([step, n]) => [step, n - before[step]]));
      expect(added).toEqual({
        verified: 3,
        language: 3,
        topic: 2,
        taskType: 2,
        place: 2,
        available: 1,
        free: 1,
        load: 1,
      });
      // Each step only narrows, and the last is the candidates' own total.
      const counts = Object.values(after);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      const candidates = await as(coordinator).get(`/booking-requests/${id}/candidates`).expect(200);
      expect(after.load).toBe(candidates.body.total);
    });

    it('uses the same number of queries whatever the number of experts', async () => {
      const topic = 'homelessness';
      const id = await submitted({ topics: [topic] });
      const count = async () =>
        (await queriesOf(() => as(coordinator).get(`/booking-requests/${id}/candidates`).expect(200))).n;
      const made: TestUser[] = [];
      for (let i = 0; i < 3; i++) made.push(await createBookableExpert(t.db, { topics: [topic] }));
      const few = await count();
      for (let i = 0; i < 20; i++) made.push(await createBookableExpert(t.db, { topics: [topic] }));
      const many = await count();
      expect(many).toBe(few);
      const res = await candidates(id, made);
      expect(res.body).toHaveLength(23);
    });

    it('pages the ranking: every page is its slice of the whole, with the total; 50 by default, at most 200', async () => {
      // The factory's own topic: many experts of other tests match too, so there are pages to turn.
      const topic = 'mental_health';
      const made: TestUser[] = [];
      for (let i = 0; i < 7; i++)
        made.push(
          await createBookableExpert(t.db, {
            name: `Sivu ${i}`,
            topics: [topic],
            homeMunicipality: i % 2 ? '905' : '499',
            travelMunicipalities: ['905'],
          }),
        );
      const id = await submitted({ topics: [topic] });
      const whole = await ranking(id);
      expect(whole.filter((c) => made.some((m) => m.id === c.expertId))).toHaveLength(7);
      const byThree = await ranking(id, 3);
      expect(byThree).toEqual(whole);
      const first = await as(coordinator).get(`/booking-requests/${id}/candidates`).expect(200);
      expect(first.body).toMatchObject({ total: whole.length, limit: 50, offset: 0 });
      expect(first.body.items).toEqual(whole.slice(0, 50));
      const past = await as(coordinator)
        .get(`/booking-requests/${id}/candidates?offset=${whole.length + 5}`)
        .expect(200);
      expect(past.body).toEqual({ items: [], total: whole.length, limit: 50, offset: whole.length + 5 });
      // A wide page: up to 200 candidates where other lists stop at 100.
      const wide = await as(coordinator).get(`/booking-requests/${id}/candidates?limit=200`).expect(200);
      expect(wide.body).toMatchObject({ items: whole.slice(0, 200), limit: 200 });
      for (const bad of ['limit=0', 'limit=201', 'offset=-1', 'limit=x', 'limit=0x10', 'offset=0b1']) {
        const res = await as(coordinator).get(`/booking-requests/${id}/candidates?${bad}`).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(JSON.stringify(res.body.errors ?? res.body)).toContain(bad.split('=')[0]);
      }
    });

    it('matches across the October 2026 daylight-saving change in local time', async () => {
      const topic = 'bereavement';
      // Sunday 25 Oct 2026: 02:00 local (EEST, +03) to 06:00 local (EET, +02) is five real hours.
      const covered = await createBookableExpert(t.db, { name: 'Night Owl', topics: [topic] }, [
        { weekday: 7, from: '01:00', to: '07:00' },
      ]);
      const short = await createBookableExpert(t.db, { name: 'Short Night', topics: [topic] }, [
        { weekday: 7, from: '02:00', to: '05:00' },
      ]);
      const id = await submitted({ topics: [topic], startsAt: '2026-10-24T23:00:00Z', endsAt: '2026-10-25T04:00:00Z' });
      const res = await candidates(id, [covered, short]);
      expect(res.body.map((c: { expertId: string }) => c.expertId)).toEqual([covered.id]);
    });
  });

  describe('offers and acceptance', () => {
    it('shows an expert only their own offers', async () => {
      const topic = 'violence';
      const id = await submitted({ topics: [topic] });
      const a = await createBookableExpert(t.db, { topics: [topic] });
      const b = await createBookableExpert(t.db, { topics: [topic] });
      const [offerA] = await offer(id, [a.id]);
      const bToken = await login(t.http, b);
      expect((await as(bToken).get('/offers').expect(200)).body).toEqual([]);
      await as(bToken).post(`/offers/${offerA}/accept`).expect(404);
      const mine = await as(await login(t.http, a))
        .get('/offers')
        .expect(200);
      expect(mine.body.map((o: { id: string }) => o.id)).toEqual([offerA]);
    });

    it('fills a request that needs N with exactly N of N+5 simultaneous acceptances, withdrawing the rest', async () => {
      const topic = 'child_welfare';
      const needed = 3;
      const id = await submitted({ topics: [topic], expertsNeeded: needed });
      const experts = await Promise.all(
        Array.from({ length: needed + 5 }, () => createBookableExpert(t.db, { topics: [topic] })),
      );
      const offerIds = await offer(
        id,
        experts.map((e) => e.id),
      );
      const tokens = await Promise.all(experts.map((e) => login(t.http, e)));
      const results = await Promise.all(offerIds.map((offerId, i) => as(tokens[i]).post(`/offers/${offerId}/accept`)));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(needed);
      expect(statuses.filter((s) => s === 409)).toHaveLength(5);
      for (const r of results.filter((r) => r.status === 409))
        expect(['REQUEST_ALREADY_FILLED', 'OFFER_NOT_OPEN']).toContain(r.body.code);
      const request = await as(coordinator).get(`/booking-requests/${id}`).expect(200);
      expect(request.body.status).toBe('filled');
      // The offers sent put the order to matching: a change of state, a row in the audit log (PRODUCT.md §4).
      const changes = await t.db.query(
        `SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'request.status_changed'`,
        [id],
      );
      expect(changes.map((c: { details: unknown }) => c.details)).toEqual([{ from: 'submitted', to: 'matching' }]);
      expect(request.body.assignments).toHaveLength(needed);
      const open = await t.db.getRepository(OfferEntity).countBy({ requestId: id, status: 'offered' as never });
      expect(open).toBe(0);
      await t.mail.waitFor((m) => m.to === orderer.email && m.subject.startsWith('Kokemusosaajat löytyneet:'));
    });

    it('answers an acceptance with the assignment and the contract drafted for it', async () => {
      const topic = 'family_carer';
      const expert = await createBookableExpert(t.db, { topics: [topic] });
      const id = await submitted({ topics: [topic], startsAt: '2026-10-26T07:00:00Z', endsAt: '2026-10-26T08:00:00Z' });
      const [offerId] = await offer(id, [expert.id]);
      const res = await as(await login(t.http, expert))
        .post(`/offers/${offerId}/accept`)
        .expect(201);
      const [drafted] = await t.db.query(
        `SELECT c.id, c.number, c.status FROM contracts c JOIN contract_assignments ca ON ca.contract_id = c.id WHERE ca.assignment_id = $1`,
        [res.body.id],
      );
      expect(res.body.contract).toEqual({ id: drafted.id, number: drafted.number, status: 'draft' });
      const contract = await as(await login(t.http, expert))
        .get(`/contracts/${res.body.contract.id}`)
        .expect(200);
      expect(contract.body.number).toBe(drafted.number);
    });

    it('keeps the expert’s own cap on accepting: of two offers in one week under a cap of one, both taken at once, one is', async () => {
      const topic = 'ageing';
      const expert = await createBookableExpert(t.db, { topics: [topic], languages: ['et'], maxPerWeek: 1 });
      const on = (day: string) =>
        submitted({ topics: [topic], languages: ['et'], startsAt: `${day}T08:00:00Z`, endsAt: `${day}T09:00:00Z` });
      // Tuesday and Thursday of one week, then the Monday after it.
      const [tuesday, thursday, monday] = [await on('2026-11-03'), await on('2026-11-05'), await on('2026-11-09')];
      const offers = [...(await offer(tuesday, [expert.id])), ...(await offer(thursday, [expert.id]))];
      const token = await login(t.http, expert);
      const results = await Promise.all(offers.map((id) => as(token).post(`/offers/${id}/accept`)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('LOAD_CAP_REACHED');
      const held = await t.db.query(`SELECT count(*)::int AS n FROM assignments WHERE expert_id = $1`, [expert.id]);
      expect(held).toEqual([{ n: 1 }]);
      const [next] = await offer(monday, [expert.id]);
      await as(token).post(`/offers/${next}/accept`).expect(201);
    });

    it('serialises the bookings of one expert: an acceptance waits for another booking of the same expert in progress', async () => {
      const topic = 'neurodivergence';
      const expert = await createBookableExpert(t.db, { topics: [topic], languages: ['lt'] });
      const id = await submitted({
        topics: [topic],
        languages: ['lt'],
        startsAt: '2026-10-26T10:00:00Z',
        endsAt: '2026-10-26T11:00:00Z',
      });
      const [offerId] = await offer(id, [expert.id]);
      const token = await login(t.http, expert);
      // Another transaction books this expert (the lock every booking takes); the acceptance must wait for it.
      const other = t.db.createQueryRunner();
      await other.connect();
      await other.startTransaction();
      try {
        await other.query('SELECT 1 FROM experts WHERE user_id = $1 FOR NO KEY UPDATE', [expert.id]);
        let settled = false;
        const accepting = as(token)
          .post(`/offers/${offerId}/accept`)
          .then((r) => {
            settled = true;
            return r;
          });
        await new Promise((resolve) => setTimeout(resolve, 700));
        expect(settled).toBe(false);
        await other.commitTransaction();
        expect((await accepting).status).toBe(201);
      } finally {
        if (other.isTransactionActive) await other.rollbackTransaction();
        await other.release();
      }
    });

    it('books directly past the expert’s yearly earnings ceiling only when the coordinator says the expert agreed', async () => {
      const expert = await createBookableExpert(t.db, { topics: ['ageing'], yearlyEarningsCeilingCents: 1000 });
      const id = await submitted({
        topics: ['ageing'],
        startsAt: '2026-10-27T07:00:00Z',
        endsAt: '2026-10-27T09:00:00Z',
      });
      const refused = await as(coordinator)
        .post(`/booking-requests/${id}/assignments`, { expertId: expert.id })
        .expect(409);
      expect(refused.body).toMatchObject({
        code: 'DIRECT_BOOKING_CROSSES_CEILING',
        ceiling: { earnedCents: 0, expectedCents: expect.any(Number), ceilingCents: 1000 },
      });
      expect(refused.body.ceiling.expectedCents).toBeGreaterThan(1000);
      const bad = await as(coordinator)
        .post(`/booking-requests/${id}/assignments`, { expertId: expert.id, expertAgreedToCrossCeiling: 'yes' })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['expertAgreedToCrossCeiling']);
      const booked = await as(coordinator)
        .post(`/booking-requests/${id}/assignments`, { expertId: expert.id, expertAgreedToCrossCeiling: true })
        .expect(201);
      expect(
        await t.db.query(`SELECT ceiling_crossing_agreed AS agreed FROM assignments WHERE id = $1`, [booked.body.id]),
      ).toEqual([{ agreed: true }]);
    });

    it('keeps the expert’s ceiling and earnings out of the audit trail of a booking past the ceiling (PRODUCT §6)', async () => {
      const expert = await createBookableExpert(t.db, { topics: ['ageing'], yearlyEarningsCeilingCents: 1234 });
      const id = await submitted({
        topics: ['ageing'],
        startsAt: '2026-10-29T07:00:00Z',
        endsAt: '2026-10-29T09:00:00Z',
      });
      const booked = await as(coordinator)
        .post(`/booking-requests/${id}/assignments`, { expertId: expert.id, expertAgreedToCrossCeiling: true })
        .expect(201);
      // The admin reads the audit trail, and has no business with an expert's benefits or fees.
      const admin = await login(t.http, await createUser(t.db, Role.Admin));
      const trail = await as(admin).get('/audit-events').query({ entityId: booked.body.id }).expect(200);
      const created = trail.body.items.find((e: { action: string }) => e.action === 'assignment.created');
      expect(created.details).toEqual({ requestId: id, direct: true, ceilingCrossingAgreed: true });
      const csv = await as(admin).get('/audit-events.csv').query({ entityId: booked.body.id }).expect(200);
      // The ceiling as a number of its own, not four digits inside an id.
      expect(csv.text).not.toMatch(/(?<![\w-])1234(?![\w-])|ceilingCents|earnedCents|expectedCents/);
    });

    it('leads an expert booked directly while their offer was open to the work: the withdrawn offer names it', async () => {
      const expert = await createBookableExpert(t.db, { topics: ['ageing'] });
      const token = await login(t.http, expert);
      const id = await submitted({
        topics: ['ageing'],
        expertsNeeded: 2,
        startsAt: '2026-10-28T07:00:00Z',
        endsAt: '2026-10-28T09:00:00Z',
      });
      const [offerId] = await offer(id, [expert.id]);
      const mine = async () =>
        (await as(token).get('/offers').expect(200)).body.find((o: { id: string }) => o.id === offerId);
      expect(await mine()).toMatchObject({ status: 'offered', assignmentId: null });
      // Agreed by phone: the coordinator books the expert, which withdraws the offer.
      const booked = await as(coordinator)
        .post(`/booking-requests/${id}/assignments`, { expertId: expert.id })
        .expect(201);
      expect(await mine()).toMatchObject({ status: 'withdrawn', assignmentId: booked.body.id });
      // Cancelled, the work no longer stands behind the offer.
      await as(coordinator).post(`/assignments/${booked.body.id}/cancel`, { reason: 'Tilaisuus siirtyi' }).expect(200);
      expect(await mine()).toMatchObject({ status: 'withdrawn', assignmentId: null });
    });

    it('expires an offer at its deadline through the delayed job', async () => {
      const topic = 'family_carer';
      const expert = await createBookableExpert(t.db, { topics: [topic] });
      const id = await submitted({ topics: [topic] });
      const deadline = new Date(Date.parse(NOW) + 1500);
      const [offerId] = await offer(id, [expert.id], deadline.toISOString());
      t.clock.set(new Date(Date.parse(NOW) + 2000));
      try {
        for (let i = 0; i < 50; i++) {
          const row = await t.db.getRepository(OfferEntity).findOneByOrFail({ id: offerId });
          if (row.status === 'expired') break;
          await new Promise((r) => setTimeout(r, 100));
        }
        expect((await t.db.getRepository(OfferEntity).findOneByOrFail({ id: offerId })).status).toBe('expired');
        const res = await as(await login(t.http, expert))
          .post(`/offers/${offerId}/accept`)
          .expect(409);
        expect(res.body.code).toBe('OFFER_NOT_OPEN');
        expect(res.body.reason).toBe('expired');
      } finally {
        t.clock.set(NOW);
      }
    });

    it('says why an offer can no longer be answered: answered already, its order cancelled, or filled by others', async () => {
      const topic = 'violence';
      const [a, b, c] = await Promise.all([1, 2, 3].map(() => createBookableExpert(t.db, { topics: [topic] })));
      const [tokenA, tokenB, tokenC] = await Promise.all([a, b, c].map((e) => login(t.http, e)));
      const refusal = async (token: string, offerId: string, answer: 'accept' | 'decline') => {
        const res = await as(token).post(`/offers/${offerId}/${answer}`, {}).expect(409);
        return { code: res.body.code, reason: res.body.reason };
      };

      // Answered in another tab: accepted, or declined.
      const filledBy = await submitted({
        topics: [topic],
        expertsNeeded: 1,
        startsAt: '2026-11-16T08:00:00Z',
        endsAt: '2026-11-16T09:00:00Z',
      });
      const [offerA, offerB] = await offer(filledBy, [a.id, b.id]);
      await as(tokenA).post(`/offers/${offerA}/accept`).expect(201);
      expect(await refusal(tokenA, offerA, 'accept')).toEqual({ code: 'OFFER_NOT_OPEN', reason: 'accepted' });
      expect(await refusal(tokenA, offerA, 'decline')).toEqual({ code: 'OFFER_NOT_OPEN', reason: 'accepted' });
      // The one place taken by another: the other offer was withdrawn with the fill.
      expect(await refusal(tokenB, offerB, 'accept')).toEqual({ code: 'REQUEST_ALREADY_FILLED', reason: undefined });
      expect(await refusal(tokenB, offerB, 'decline')).toEqual({ code: 'REQUEST_ALREADY_FILLED', reason: undefined });

      const declined = await submitted({
        topics: [topic],
        startsAt: '2026-11-17T08:00:00Z',
        endsAt: '2026-11-17T09:00:00Z',
      });
      const [offerC] = await offer(declined, [c.id]);
      await as(tokenC).post(`/offers/${offerC}/decline`, {}).expect(200);
      expect(await refusal(tokenC, offerC, 'accept')).toEqual({ code: 'OFFER_NOT_OPEN', reason: 'declined' });

      // The order cancelled: its open offers withdrawn with it.
      const cancelled = await submitted({
        topics: [topic],
        startsAt: '2026-11-18T08:00:00Z',
        endsAt: '2026-11-18T09:00:00Z',
      });
      const [offerOfCancelled] = await offer(cancelled, [b.id]);
      await as(orderer.token)
        .post(`/booking-requests/${cancelled}/cancel`, { reason: 'Tilaisuus siirtyy' })
        .expect(200);
      expect(await refusal(tokenB, offerOfCancelled, 'accept')).toEqual({
        code: 'OFFER_NOT_OPEN',
        reason: 'requestCancelled',
      });
      expect(await refusal(tokenB, offerOfCancelled, 'decline')).toEqual({
        code: 'OFFER_NOT_OPEN',
        reason: 'requestCancelled',
      });
    });
  });

  describe('cancellation and completion', () => {
    async function acceptedAssignment(topic: string, startsAt: string, endsAt: string) {
      const expert = await createBookableExpert(t.db, { topics: [topic] });
      const id = await submitted({ topics: [topic], startsAt, endsAt });
      const [offerId] = await offer(id, [expert.id], '2026-10-05T12:00:00Z');
      const token = await login(t.http, expert);
      const res = await as(token).post(`/offers/${offerId}/accept`).expect(201);
      return { assignmentId: res.body.id as string, requestId: id, expert, token };
    }

    it('shows an expert’s reason for withdrawing to the expert and the coordinator only, never to the orderer', async () => {
      const { assignmentId, requestId, token } = await acceptedAssignment(
        'ageing',
        '2026-10-16T10:00:00Z',
        '2026-10-16T11:00:00Z',
      );
      const reason = 'Masennus paheni, en jaksa';
      await as(token).post(`/assignments/${assignmentId}/withdraw`, { reason }).expect(200);

      const ofRequest = (body: { assignments: { id: string }[] }) =>
        body.assignments.find((a) => a.id === assignmentId);
      const ordererViews = [
        (await as(orderer.token).get(`/assignments/${assignmentId}`).expect(200)).body,
        ofRequest((await as(orderer.token).get(`/booking-requests/${requestId}`).expect(200)).body),
        ofRequest(
          (await as(orderer.token).get('/booking-requests?limit=100').expect(200)).body.items.find(
            (r: { id: string }) => r.id === requestId,
          ),
        ),
      ];
      for (const view of ordererViews)
        expect(view).toMatchObject({ status: 'cancelled', cancelledBy: 'expert', cancelReason: null });
      for (const view of ordererViews) expect(JSON.stringify(view)).not.toContain('Masennus');

      expect((await as(token).get(`/assignments/${assignmentId}`).expect(200)).body.cancelReason).toBe(reason);
      expect(
        (await as(token).get('/assignments').expect(200)).body.find((a: { id: string }) => a.id === assignmentId)
          .cancelReason,
      ).toBe(reason);
      expect((await as(coordinator).get(`/assignments/${assignmentId}`).expect(200)).body.cancelReason).toBe(reason);
      expect(ofRequest((await as(coordinator).get(`/booking-requests/${requestId}`).expect(200)).body)!).toMatchObject({
        cancelReason: reason,
      });
    });

    it('shows the county’s own reason for a cancellation to the orderer', async () => {
      const { assignmentId, requestId } = await acceptedAssignment(
        'ageing',
        '2026-10-16T12:00:00Z',
        '2026-10-16T13:00:00Z',
      );
      await as(coordinator)
        .post(`/assignments/${assignmentId}/cancel`, { reason: 'Tila ei ole käytettävissä' })
        .expect(200);
      expect((await as(orderer.token).get(`/assignments/${assignmentId}`).expect(200)).body.cancelReason).toBe(
        'Tila ei ole käytettävissä',
      );
      const request = (await as(orderer.token).get(`/booking-requests/${requestId}`).expect(200)).body;
      expect(request.assignments[0]).toMatchObject({
        cancelledBy: 'county',
        cancelReason: 'Tila ei ole käytettävissä',
      });
    });

    // A mail ends with a link to the page where its reader finishes the task, not to a list or a home page; a
    // mail to the expert names the work by its time, not by its title, which may tell what lived experience it is about.
    it('leads the offer, the acceptance and a cancellation mail each to its own page, under the public URL', async () => {
      const lastLine = (text: string) => text.split('\n').pop();
      const expert = await createBookableExpert(t.db, { topics: ['ageing'] });
      const id = await submitted({
        topics: ['ageing'],
        title: 'Muistisairaiden omaisten ryhmä',
        startsAt: '2026-10-17T07:00:00Z',
        endsAt: '2026-10-17T08:00:00Z',
      });
      const [offerId] = await offer(id, [expert.id], '2026-10-05T12:00:00Z');
      const offered = await t.mail.waitFor((m) => m.to === expert.email && m.text.includes(`/offers`));
      expect(lastLine(offered.text)).toBe(`Avaa palvelu: http://kokemus.test/offers/${offerId}`);
      expect(offered.subject).toBe('Uusi toimeksiantotarjous – vastaa viimeistään ma 5.10.2026 klo 15.00');

      const assignmentId = (
        await as(await login(t.http, expert))
          .post(`/offers/${offerId}/accept`)
          .expect(201)
      ).body.id;
      const accepted = await t.mail.waitFor(
        (m) => m.to === orderer.email && m.text.includes('"Muistisairaiden omaisten ryhmä"'),
      );
      expect(lastLine(accepted.text)).toBe(`Avaa palvelu: http://kokemus.test/orders/${id}`);

      await as(coordinator).post(`/assignments/${assignmentId}/cancel`, { reason: 'Tila suljettu' }).expect(200);
      const toExpert = await t.mail.waitFor((m) => m.to === expert.email && m.text.includes('Tila suljettu'));
      expect(lastLine(toExpert.text)).toBe(`Avaa palvelu: http://kokemus.test/assignments/${assignmentId}`);
      expect(toExpert.subject).toBe('Toimeksianto peruttu: la 17.10.2026 klo 10.00');
      const toOrderer = await t.mail.waitFor((m) => m.to === orderer.email && m.text.includes('Tila suljettu'));
      expect(lastLine(toOrderer.text)).toBe(`Avaa palvelu: http://kokemus.test/orders/${id}`);
      for (const mail of [offered, toExpert]) expect(mail.subject).not.toContain('Muistisairaiden');
    });

    it('tells the orderer who made the order of a withdrawal in their own language, without the reason or any topic', async () => {
      const svOrderer = await createUser(t.db, Role.Orderer, { language: Language.Sv });
      const svToken = await login(t.http, svOrderer);
      await addMember(t.db, unitId, svOrderer.id);
      const expert = await createBookableExpert(t.db, { topics: ['ageing'], name: 'Aino Asiantuntija' });
      const created = await as(svToken)
        .post(
          '/booking-requests',
          order({
            topics: ['ageing'],
            title: 'Klientrådet',
            startsAt: '2026-10-16T10:00:00Z',
            endsAt: '2026-10-16T11:00:00Z',
          }),
        )
        .expect(201);
      await as(svToken).post(`/booking-requests/${created.body.id}/submit`).expect(200);
      const [offerId] = await offer(created.body.id, [expert.id], '2026-10-05T12:00:00Z');
      const token = await login(t.http, expert);
      const assignment = await as(token).post(`/offers/${offerId}/accept`).expect(201);
      await as(token)
        .post(`/assignments/${assignment.body.id}/withdraw`, { reason: 'Sairastuin, masennus paheni' })
        .expect(200);

      const mail = await t.mail.waitFor(
        (m) =>
          m.to === svOrderer.email && m.subject.startsWith('Erfarenhetsexperten har dragit sig ur din beställning'),
      );
      expect(mail.subject).toBe('Erfarenhetsexperten har dragit sig ur din beställning: Klientrådet');
      expect(mail.text).toContain('Aino Asiantuntija har dragit sig ur uppdraget "Klientrådet"');
      expect(mail.text).toContain('Din beställning är öppen igen');
      expect(mail.text.split('\n').pop()).toBe(`Öppna tjänsten: http://kokemus.test/orders/${created.body.id}`);
      // The coordinators' mail leads to the order's matching page, where the work is offered again.
      const toCoordinator = await t.mail.waitFor(
        (m) => m.subject.startsWith('Kokemusosaaja perui osallistumisensa:') && m.text.includes('"Klientrådet"'),
      );
      expect(toCoordinator.text.split('\n').pop()).toBe(
        `Avaa palvelu: http://kokemus.test/coordinator/orders/${created.body.id}`,
      );
      for (const secret of ['Sairastuin', 'masennus', 'ageing', 'Åldrande', 'Ikääntyminen', 'Ageing'])
        expect(`${mail.subject}\n${mail.text}`).not.toContain(secret);
      // Written in the withdrawal's own transaction: the outbox row is there with the assignment cancelled.
      const [row] = await t.db.query(
        `SELECT count(*)::int AS n FROM mail_messages WHERE user_id = $1 AND template = 'expert-withdrew-orderer'`,
        [svOrderer.id],
      );
      expect(row.n).toBe(1);
    });

    it('shows the orderer the accepted expert’s name, languages, consented topics and municipality only', async () => {
      const { requestId } = await acceptedAssignment('ageing', '2026-10-18T07:00:00Z', '2026-10-18T08:00:00Z');
      const res = await as(orderer.token).get(`/booking-requests/${requestId}`).expect(200);
      expect(Object.keys(res.body.assignments[0].expert).sort()).toEqual([
        'id',
        'languages',
        'municipality',
        'name',
        'topics',
      ]);
    });
  });
});
