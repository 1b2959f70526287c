import { Role } from '../../../src/common/auth/role.enum';
import { Language } from '../../../src/common/i18n/language';
import { expertWithDraft, insertAssignment, waitForPdf } from '../../factories/contracts.factory';
import { createExpert } from '../../factories/experts.factory';
import { addMember, createUnit } from '../../factories/organisations.factory';
import { createUser, login, TestUser } from '../../factories/users.factory';
import { asUser } from '../../utils/as-user';
import { createTestApp, TestApp } from '../../utils/test-app';

// The app's clock stands on 1 Oct 2026 10:00 local time; the work lies in the weeks after.
const NOW = '2026-10-01T07:00:00Z';
const HOUR = 3_600_000;

type Signed = TestUser & { token: string };

describe('changing the time of a booked assignment', () => {
  let t: TestApp;
  let coordinator: Signed;
  let orderer: Signed;
  let ordererB: Signed;
  let unitId: string;
  let day = 0;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    const c = await createUser(t.db, Role.Coordinator);
    coordinator = { ...c, token: await login(t.http, c) };
    const o = await createUser(t.db, Role.Orderer, { language: Language.Sv, name: 'Olga Orderer' });
    orderer = { ...o, token: await login(t.http, o) };
    unitId = (await createUnit(t.db)).id;
    await addMember(t.db, unitId, o.id);
    const b = await createUser(t.db, Role.Orderer);
    ordererB = { ...b, token: await login(t.http, b) };
    await addMember(t.db, (await createUnit(t.db)).id, b.id);
  });
  // Moves the clock, and signs these people in again: an access token lives minutes by the app's clock.
  async function setClock(at: number | string, ...people: Signed[]): Promise<void> {
    t.clock.set(new Date(at).toISOString());
    for (const p of [orderer, ...people]) p.token = await login(t.http, p);
  }
  afterEach(() => setClock(NOW));
  afterAll(() => t.close());

  const as = asUser(() => t.http);

  // Two hours on a day of its own, from 12 Oct on, so that nothing overlaps unless a test wants it to.
  const slot = (n = day++, hour = 7) => {
    const startsAt = new Date(Date.parse(`2026-10-12T0${hour}:00:00Z`) + n * 24 * HOUR);
    return { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString() };
  };

  // An expert with an accepted assignment of the unit's and the draft contract booking makes with it.
  async function booked(language = Language.Fi, when = slot()) {
    const drafted = await expertWithDraft(
      t,
      { language, name: 'Aino Asiantuntija' },
      { organisationId: unitId, createdBy: orderer.id, title: 'Asiakasraati', ...when },
    );
    return { ...drafted, ...when };
  }

  async function signed() {
    const d = await booked();
    await as(coordinator).post(`/contracts/${d.contractId}/approve`).expect(200);
    await waitForPdf(t.db, d.contractId);
    await as(d.expert).post(`/contracts/${d.contractId}/sign`, { password: d.expert.password }).expect(200);
    return d;
  }

  const propose = (assignmentId: string, body: object, who: Signed = orderer) =>
    as(who).post(`/assignments/${assignmentId}/time-change`, body);

  async function contractsOf(assignmentId: string) {
    const res = await as(coordinator).get(`/contracts?assignmentId=${assignmentId}`).expect(200);
    return res.body.items as {
      id: string;
      number: string;
      version: number;
      status: string;
      supersedesId: string | null;
      validFrom: string;
      validUntil: string;
    }[];
  }

  const auditActions = async (assignmentId: string): Promise<string[]> =>
    (
      await t.db.query<{ action: string }[]>(
        `SELECT action FROM audit_events WHERE entity_type = 'assignment' AND entity_id = $1 ORDER BY occurred_at, id`,
        [assignmentId],
      )
    ).map((r) => r.action);

  describe('accepted', () => {
    it('mails the expert, shows the proposal on their home, and moves the work when they accept; the orderer is told', async () => {
      const d = await booked();
      const to = slot();
      const proposed = await propose(d.assignmentId, to).expect(201);
      expect(proposed.body).toMatchObject({
        startsAt: d.startsAt,
        timeChange: { status: 'open', ...to, fromStartsAt: d.startsAt, fromEndsAt: d.endsAt, answeredAt: null },
      });
      const mail = await t.mail.waitFor(
        (m) => m.to === d.expert.email && m.subject.startsWith('Ehdotus uudesta ajasta'),
      );
      expect(mail.text).toContain('Asiakasraati');

      const home = await as(d.expert).get('/experts/me/home').expect(200);
      expect(home.body.timeChanges).toEqual([
        expect.objectContaining({
          assignmentId: d.assignmentId,
          title: 'Asiakasraati',
          ...to,
          fromStartsAt: d.startsAt,
        }),
      ]);

      const accepted = await as(d.expert).post(`/assignments/${d.assignmentId}/time-change/accept`).expect(200);
      expect(accepted.body).toMatchObject({ ...to, status: 'accepted', timeChange: { status: 'accepted' } });
      expect((await as(d.expert).get('/experts/me/home').expect(200)).body.timeChanges).toEqual([]);

      // The order shows the new time and the answer; the orderer is told in their own language (Swedish).
      const requestId = (await as(orderer).get(`/assignments/${d.assignmentId}`).expect(200)).body.requestId;
      const order = await as(orderer).get(`/booking-requests/${requestId}`).expect(200);
      expect(order.body.assignments[0]).toMatchObject({ ...to, timeChange: { status: 'accepted' } });
      const timeline = await as(orderer).get(`/booking-requests/${requestId}/timeline`).expect(200);
      expect(timeline.body.map((e: { kind: string }) => e.kind)).toEqual(
        expect.arrayContaining(['time_change_proposed', 'time_change_accepted']),
      );
      const told = await t.mail.waitFor(
        (m) => m.to === orderer.email && m.subject.startsWith('Den nya tiden godkändes'),
      );
      expect(told.text).toContain('Aino Asiantuntija');

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
      const answers = await Promise.all([propose(d.assignmentId, slot()), propose(d.assignmentId, slot())]);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(answers.find((r) => r.status === 409)!.body.code).toBe('TIME_CHANGE_ALREADY_OPEN');
      const [{ n }] = await t.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM assignment_time_changes WHERE assignment_id = $1`,
        [d.assignmentId],
      );
      expect(n).toBe(1);
    });
  });

  describe('declined', () => {
    it('changes nothing, tells the orderer they may cancel, and lets them propose again', async () => {
      const d = await booked();
      await propose(d.assignmentId, slot()).expect(201);
      const declined = await as(d.expert).post(`/assignments/${d.assignmentId}/time-change/decline`).expect(200);
      expect(declined.body).toMatchObject({
        startsAt: d.startsAt,
        endsAt: d.endsAt,
        status: 'accepted',
        timeChange: { status: 'declined' },
      });
      const told = await t.mail.waitFor(
        (m) => m.to === orderer.email && m.subject.startsWith('Den nya tiden godkändes inte'),
      );
      expect(told.text).toContain('räknas gränsen på 48 timmar för sen avbokning från när ni föreslog den nya tiden');
      expect(await auditActions(d.assignmentId)).toContain('assignment.time_change_declined');
      // Answered once: a second answer finds nothing open.
      const again = await as(d.expert).post(`/assignments/${d.assignmentId}/time-change/accept`).expect(409);
      expect(again.body.code).toBe('TIME_CHANGE_NOT_OPEN');
      await propose(d.assignmentId, slot()).expect(201);
    });
  });

  describe('overlapping another assignment of the expert', () => {
    it('is refused when proposed onto time the expert already holds', async () => {
      const d = await booked();
      const busy = slot();
      await insertAssignment(t.db, {
        expertId: d.expert.id,
        organisationId: unitId,
        createdBy: orderer.id,
        ...busy,
      });
      const res = await propose(d.assignmentId, busy).expect(409);
      expect(res.body.code).toBe('EXPERT_DOUBLE_BOOKED');
    });

    it('answers the expert’s acceptance with a 409 naming the work it would overlap, and changes nothing', async () => {
      const d = await booked();
      const to = slot();
      await propose(d.assignmentId, to).expect(201);
      // Meanwhile the expert was booked for other work at that time.
      await insertAssignment(t.db, {
        expertId: d.expert.id,
        organisationId: unitId,
        createdBy: orderer.id,
        title: 'Henkilöstökoulutus',
        startsAt: new Date(Date.parse(to.startsAt) + HOUR).toISOString(),
        endsAt: new Date(Date.parse(to.endsAt) + HOUR).toISOString(),
      });
      const res = await as(d.expert).post(`/assignments/${d.assignmentId}/time-change/accept`).expect(409);
      expect(res.body.code).toBe('EXPERT_DOUBLE_BOOKED');
      expect(res.body.detail).toMatch(/Henkilöstökoulutus/);
      const after = await as(d.expert).get(`/assignments/${d.assignmentId}`).expect(200);
      expect(after.body).toMatchObject({ startsAt: d.startsAt, endsAt: d.endsAt, timeChange: { status: 'open' } });
      expect(await auditActions(d.assignmentId)).not.toContain('assignment.time_changed');
      // The expert can still decline it.
      await as(d.expert).post(`/assignments/${d.assignmentId}/time-change/decline`).expect(200);
    });
  });

  describe('after the contract was signed', () => {
    it('drafts a new version for the coordinator to approve and the expert to sign; the signed one stays until then', async () => {
      const d = await signed();
      expect((await as(d.expert).get(`/assignments/${d.assignmentId}`).expect(200)).body.status).toBe('confirmed');
      const to = slot();
      await propose(d.assignmentId, to).expect(201);
      const moved = await as(d.expert).post(`/assignments/${d.assignmentId}/time-change/accept`).expect(200);
      // The signed contract states the old time: the work waits for the new version's signature.
      expect(moved.body).toMatchObject({ ...to, status: 'accepted' });
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
      await t.mail.waitFor(
        (m) =>
          m.to === orderer.email &&
          m.subject.startsWith('Den nya tiden godkändes:') &&
          m.text.includes('En ny version av avtalet görs'),
      );

      await as(coordinator).post(`/contracts/${next.id}/approve`).expect(200);
      await waitForPdf(t.db, next.id);
      await as(d.expert).post(`/contracts/${next.id}/sign`, { password: d.expert.password }).expect(200);
      const after = await contractsOf(d.assignmentId);
      expect(after.find((c) => c.id === d.contractId)!.status).toBe('superseded');
      expect(after.find((c) => c.id === next.id)!.status).toBe('signed');
      expect((await as(d.expert).get(`/assignments/${d.assignmentId}`).expect(200)).body.status).toBe('confirmed');
    });

    it('replaces an approved, unsigned contract with a new version at once', async () => {
      const d = await booked();
      await as(coordinator).post(`/contracts/${d.contractId}/approve`).expect(200);
      const to = slot();
      await propose(d.assignmentId, to).expect(201);
      await as(d.expert).post(`/assignments/${d.assignmentId}/time-change/accept`).expect(200);
      const contracts = await contractsOf(d.assignmentId);
      expect(contracts.find((c) => c.id === d.contractId)!.status).toBe('superseded');
      const next = contracts.find((c) => c.id !== d.contractId)!;
      expect(next).toMatchObject({
        version: 2,
        status: 'draft',
        supersedesId: null,
        validFrom: to.startsAt.slice(0, 10),
      });
      const status = await as(orderer).get(`/assignments/${d.assignmentId}/contract-status`).expect(200);
      expect(status.body).toMatchObject({ exists: true, status: 'draft' });
    });
  });

  describe('who may', () => {
    it('refuses another unit’s orderer, the coordinator and the expert a proposal, and other experts and the orderer an answer', async () => {
      const d = await booked();
      const other = await createExpert(t.db);
      const otherToken = await login(t.http, other);
      expect((await propose(d.assignmentId, slot(), ordererB).expect(404)).body.code).toBe('ASSIGNMENT_NOT_FOUND');
      await propose(d.assignmentId, slot(), coordinator).expect(403);
      await as(d.expert).post(`/assignments/${d.assignmentId}/time-change`, slot()).expect(403);
      await t.http.post(`/assignments/${d.assignmentId}/time-change`).send(slot()).expect(401);
      await propose(d.assignmentId, slot()).expect(201);
      const foreign = await as(otherToken).post(`/assignments/${d.assignmentId}/time-change/accept`).expect(404);
      expect(foreign.body.code).toBe('ASSIGNMENT_NOT_FOUND');
      await as(otherToken).post(`/assignments/${d.assignmentId}/time-change/decline`).expect(404);
      await as(orderer).post(`/assignments/${d.assignmentId}/time-change/accept`).expect(403);
      await as(coordinator).post(`/assignments/${d.assignmentId}/time-change/decline`).expect(403);
      const still = await as(d.expert).get(`/assignments/${d.assignmentId}`).expect(200);
      expect(still.body).toMatchObject({ startsAt: d.startsAt, timeChange: { status: 'open' } });
    });
  });

  describe('bad input', () => {
    let assignmentId: string;
    let current: { startsAt: string; endsAt: string };
    beforeAll(async () => {
      const d = await booked();
      assignmentId = d.assignmentId;
      current = { startsAt: d.startsAt, endsAt: d.endsAt };
    });

    const later = slot(60);
    it.each([
      ['an end before the start', { startsAt: later.endsAt, endsAt: later.startsAt }, 'endsAt'],
      ['an end at the start', { startsAt: later.startsAt, endsAt: later.startsAt }, 'endsAt'],
      ['a start in the past', { startsAt: '2026-09-30T07:00:00Z', endsAt: '2026-09-30T09:00:00Z' }, 'startsAt'],
      ['a start without its offset', { startsAt: '2026-11-20T09:00', endsAt: later.endsAt }, 'startsAt'],
      ['garbage for a start', { startsAt: 'tomorrow', endsAt: later.endsAt }, 'startsAt'],
      ['no end', { startsAt: later.startsAt }, 'endsAt'],
      ['a day longer than ten hours', { startsAt: later.startsAt, endsAt: '2026-12-31T07:00:00Z' }, 'endsAt'],
    ])('refuses %s, naming the field', async (_label, body, field) => {
      const res = await propose(assignmentId, body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('refuses the time the work already has', async () => {
      const res = await propose(assignmentId, current).expect(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'startsAt', code: 'unchanged' });
    });

    it('refuses unknown fields and an id that is not one', async () => {
      await propose(assignmentId, { ...later, reason: 'x' }).expect(400);
      await propose('not-a-uuid', later).expect(400);
      expect((await propose('00000000-0000-4000-8000-000000000000', later).expect(404)).body.code).toBe(
        'ASSIGNMENT_NOT_FOUND',
      );
    });

    it('refuses to move work that was cancelled or has begun', async () => {
      const d = await booked();
      await as(orderer).post(`/assignments/${d.assignmentId}/cancel`, { reason: 'Tila suljettu' }).expect(200);
      expect((await propose(d.assignmentId, slot()).expect(409)).body.code).toBe('ASSIGNMENT_NOT_MOVABLE');
      const begun = await booked(Language.Fi, slot());
      await setClock(Date.parse(begun.startsAt) + HOUR);
      const res = await propose(begun.assignmentId, slot(90)).expect(409);
      expect(res.body.code).toBe('ASSIGNMENT_NOT_MOVABLE');
    });
  });

  describe('cancellation after a declined change', () => {
    async function declinedAt(proposedHoursBefore: number) {
      const d = await booked();
      const start = Date.parse(d.startsAt);
      await setClock(start - proposedHoursBefore * HOUR, d.expert);
      await propose(d.assignmentId, slot()).expect(201);
      await setClock(start - 40 * HOUR, d.expert);
      await as(d.expert).post(`/assignments/${d.assignmentId}/time-change/decline`).expect(200);
      // Cancelled a day before the start: late by the clock on the wall.
      await setClock(start - 24 * HOUR, d.expert);
      return d;
    }

    it('counts the 48 hours from when the change was proposed: proposed three days before, no fee', async () => {
      const d = await declinedAt(72);
      const quote = await as(orderer).get(`/assignments/${d.assignmentId}/cancellation-quote`).expect(200);
      expect(quote.body).toMatchObject({ feeDue: false, totalFeeCents: 0 });
      const cancelled = await as(orderer)
        .post(`/assignments/${d.assignmentId}/cancel`, { reason: 'Uusi aika ei sopinut' })
        .expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', feeDue: false });
    });

    it('still finds the fee due when the change itself was proposed inside the 48 hours', async () => {
      const d = await declinedAt(45);
      const quote = await as(orderer).get(`/assignments/${d.assignmentId}/cancellation-quote`).expect(200);
      expect(quote.body.feeDue).toBe(true);
      const cancelled = await as(orderer)
        .post(`/assignments/${d.assignmentId}/cancel`, { reason: 'Uusi aika ei sopinut' })
        .expect(200);
      expect(cancelled.body.feeDue).toBe(true);
    });

    it('leaves the clock alone without a declined change, and withdraws a change still waiting for an answer', async () => {
      const d = await booked();
      const start = Date.parse(d.startsAt);
      await setClock(start - 72 * HOUR, d.expert);
      await propose(d.assignmentId, slot()).expect(201);
      await setClock(start - 24 * HOUR, d.expert);
      const quote = await as(orderer).get(`/assignments/${d.assignmentId}/cancellation-quote`).expect(200);
      expect(quote.body.feeDue).toBe(true);
      await as(orderer).post(`/assignments/${d.assignmentId}/cancel`, { reason: 'Ei tarvita' }).expect(200);
      const after = await as(d.expert).get(`/assignments/${d.assignmentId}`).expect(200);
      expect(after.body).toMatchObject({ status: 'cancelled', feeDue: true, timeChange: { status: 'withdrawn' } });
      expect((await as(d.expert).get('/experts/me/home').expect(200)).body.timeChanges).toEqual([]);
    });
  });
});
