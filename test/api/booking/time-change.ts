import { Role } from '../../../src/common/auth/role.enum';
import { Language } from '../../../src/common/i18n/language';
import { expertWithDraft } from '../../factories/contracts.factory';
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
  afterAll(() => t.close());

  const as = asUser(() => t.http);

  // Two hours on a day of its own, from 12 Oct on, so that nothing overlaps unless a test wants it to.
  const slot = (n = day++, hour = 7) => {
    const startsAt = new Date(Date.parse(`2026-10-12T0${hour}:00:00Z`) + n * 24 * HOUR);
    return { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString() };
  };

  // An expert with an accepted assignment of the unit's and the draft contract booking makes with it.
  async function booked(when = slot()) {
    const drafted = await expertWithDraft(
      t,
      { name: 'Aino Asiantuntija' },
      { organisationId: unitId, createdBy: orderer.id, title: 'Asiakasraati', ...when },
    );
    return { ...drafted, ...when };
  }

  const propose = (assignmentId: string, body: object, who: Signed = orderer) =>
    as(who).post(`/assignments/${assignmentId}/time-change`, body);

  // The rules (one proposal at a time, overlaps, contracts, the late-cancellation clock) are
  // test/medium/time-changes.ts's; here the routes, who may call them, the body's validation and the mails as sent.
  describe('the routes', () => {
    it('proposes a time, mails the expert, and moves the work when they accept; the orderer is told by name', async () => {
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
      // In the expert's language (Finnish), with a link to the assignment's page where the proposal is answered.
      expect(mail.text).toContain('Hyväksy tai hylkää ehdotus toimeksiannon sivulla');
      expect(mail.text).toMatch(new RegExp(`\nAvaa palvelu: https?://\\S+/assignments/${d.assignmentId}$`));
      const accepted = await as(d.expert).post(`/assignments/${d.assignmentId}/time-change/accept`).expect(200);
      expect(accepted.body).toMatchObject({ ...to, status: 'accepted', timeChange: { status: 'accepted' } });
      // In their own language (Swedish), naming the expert as signed in.
      const told = await t.mail.waitFor(
        (m) => m.to === orderer.email && m.subject.startsWith('Den nya tiden godkändes:'),
      );
      expect(told.text).toContain('Aino Asiantuntija');
    });

    it('declines a proposed time, and tells the orderer', async () => {
      const d = await booked();
      await propose(d.assignmentId, slot()).expect(201);
      const declined = await as(d.expert).post(`/assignments/${d.assignmentId}/time-change/decline`).expect(200);
      expect(declined.body).toMatchObject({ startsAt: d.startsAt, timeChange: { status: 'declined' } });
      const told = await t.mail.waitFor(
        (m) => m.to === orderer.email && m.subject.startsWith('Den nya tiden godkändes inte'),
      );
      expect(told.text).toContain(
        'Om du avbokar uppdraget mindre än 48 timmar före starten betalas erfarenhetsexpertens hela arvode.',
      );
      // The order's own page, where the orderer may cancel, not the list of their orders.
      const [{ requestId }] = await t.db.query(`SELECT request_id AS "requestId" FROM assignments WHERE id = $1`, [
        d.assignmentId,
      ]);
      expect(told.text.split('\n').pop()).toBe(`Öppna tjänsten: http://kokemus.test/orders/${requestId}`);
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
      // The open proposal is read with the assignment (its page shows it) by its own expert only.
      const still = await as(d.expert).get(`/assignments/${d.assignmentId}`).expect(200);
      expect(still.body).toMatchObject({ startsAt: d.startsAt, timeChange: { status: 'open' } });
      await as(otherToken).get(`/assignments/${d.assignmentId}`).expect(404);
      expect((await as(otherToken).get('/assignments').expect(200)).body).toEqual([]);
    });
  });

  describe('bad input', () => {
    let assignmentId: string;
    beforeAll(async () => {
      assignmentId = (await booked()).assignmentId;
    });

    const later = slot(60);
    it.each([
      ['a start without its offset', { startsAt: '2026-11-20T09:00', endsAt: later.endsAt }, 'startsAt'],
      ['garbage for a start', { startsAt: 'tomorrow', endsAt: later.endsAt }, 'startsAt'],
      ['no end', { startsAt: later.startsAt }, 'endsAt'],
    ])('refuses %s, naming the field', async (_label, body, field) => {
      const res = await propose(assignmentId, body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('refuses a time longer than a working day, in words of its own', async () => {
      const endsAt = new Date(Date.parse(later.startsAt) + 11 * HOUR).toISOString();
      const res = await propose(assignmentId, { startsAt: later.startsAt, endsAt }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'endsAt', code: 'longerThanWorkDay' })]);
    });

    it('refuses unknown fields and an id that is not one', async () => {
      await propose(assignmentId, { ...later, reason: 'x' }).expect(400);
      await propose('not-a-uuid', later).expect(400);
      expect((await propose('00000000-0000-4000-8000-000000000000', later).expect(404)).body.code).toBe(
        'ASSIGNMENT_NOT_FOUND',
      );
    });
  });
});
