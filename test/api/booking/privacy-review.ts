import { Role } from '../../../src/common/auth/role.enum';
import { createBookableExpert } from '../../factories/bookable.factory';
import { requestBody } from '../../factories/booking.factory';
import { setPaymentDetails } from '../../factories/fees.factory';
import { addMember, signedInOrdererOfUnit } from '../../factories/organisations.factory';
import { createUser, login } from '../../factories/users.factory';
import { asUser } from '../../utils/as-user';
import { createTestApp, TestApp } from '../../utils/test-app';

const NOW = '2026-10-01T07:00:00Z';

// PRODUCT §6 over one order two experts share, one of whom declines fees and has a yearly ceiling: each party sees
// what is theirs to see. The route × role tables (booking-authorization.ts) say who may call a route; here, who may
// call it for this object, and what the answers say of an expert's fees, benefits and payment details.
describe('booking: what each party sees of an expert’s fees and ceiling', () => {
  let t: TestApp;
  const as = asUser(() => t.http);
  const tokens = {} as Record<'owner' | 'colleague' | 'outsider' | 'coordinator' | 'admin' | 'e1' | 'e2', string>;
  let requestId: string;
  let a1: string;
  let a2: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    const { orderer, unitId } = await signedInOrdererOfUnit(t.db, t.http);
    tokens.owner = orderer.token;
    const colleague = await createUser(t.db, Role.Orderer);
    await addMember(t.db, unitId, colleague.id);
    tokens.colleague = await login(t.http, colleague);
    tokens.outsider = (await signedInOrdererOfUnit(t.db, t.http)).orderer.token;
    tokens.coordinator = await login(t.http, await createUser(t.db, Role.Coordinator));
    tokens.admin = await login(t.http, await createUser(t.db, Role.Admin));
    const e1 = await createBookableExpert(t.db, {
      name: 'Iida Ilmainen',
      topics: ['neurodivergence'],
      yearlyEarningsCeilingCents: 1500,
    });
    await setPaymentDetails(t.db, e1.id, { declinesFee: true });
    const e2 = await createBookableExpert(t.db, { name: 'Paavo Palkallinen', topics: ['neurodivergence'] });
    await setPaymentDetails(t.db, e2.id, { payee: 'association' });
    tokens.e1 = await login(t.http, e1);
    tokens.e2 = await login(t.http, e2);
    // Tomorrow: cancelled now, the full fee would be due.
    const created = await as(tokens.owner)
      .post(
        '/booking-requests',
        requestBody(unitId, {
          topics: ['neurodivergence'],
          expertsNeeded: 2,
          startsAt: '2026-10-02T07:00:00Z',
          endsAt: '2026-10-02T09:00:00Z',
        }),
      )
      .expect(201);
    requestId = created.body.id;
    await as(tokens.owner).post(`/booking-requests/${requestId}/submit`).expect(200);
    a1 = (
      await as(tokens.coordinator)
        .post(`/booking-requests/${requestId}/assignments`, { expertId: e1.id, expertAgreedToCrossCeiling: true })
        .expect(201)
    ).body.id;
    a2 = (
      await as(tokens.coordinator).post(`/booking-requests/${requestId}/assignments`, { expertId: e2.id }).expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  // Nothing of why no fee is paid (declining, an association), of the ceiling or of payment details.
  const WHY = /declin|association|yhdistys|ceiling|earned|iban|identity|payee|taxPercent/i;

  it('gives the order, its estimate and its cancellation quote to the unit’s orderers, saying only that no fee is paid', async () => {
    for (const who of ['owner', 'colleague'] as const) {
      const order = await as(tokens[who]).get(`/booking-requests/${requestId}`).expect(200);
      const mine = (id: string) => order.body.assignments.find((a: { id: string }) => a.id === id);
      expect(mine(a1)).toMatchObject({ noFeePaid: true });
      expect(mine(a2)).toMatchObject({ noFeePaid: false });
      expect(order.body.feeEstimateTotalCents).toBe(order.body.feeEstimateCents);
      expect(JSON.stringify(order.body)).not.toMatch(WHY);
      const quote = await as(tokens[who]).get(`/booking-requests/${requestId}/cancellation-quote`).expect(200);
      expect(quote.body).toMatchObject({ feeDue: true, noFeePaid: true });
      expect(JSON.stringify(quote.body)).not.toMatch(WHY);
      const one = await as(tokens[who]).get(`/assignments/${a1}/cancellation-quote`).expect(200);
      expect(one.body).toMatchObject({ feeDue: false, noFeePaid: true, totalFeeCents: 0 });
      expect(JSON.stringify(one.body)).not.toMatch(WHY);
    }
  });

  it('gives another unit’s orderer none of it', async () => {
    await as(tokens.outsider).get(`/booking-requests/${requestId}`).expect(404);
    await as(tokens.outsider).get(`/booking-requests/${requestId}/cancellation-quote`).expect(404);
    await as(tokens.outsider).get(`/assignments/${a1}/cancellation-quote`).expect(404);
    await as(tokens.outsider).get(`/assignments/${a1}`).expect(404);
    await as(tokens.outsider)
      .post(`/assignments/${a1}/time-change`, { startsAt: '2026-10-02T10:00:00Z', endsAt: '2026-10-02T12:00:00Z' })
      .expect(404);
  });

  it('gives another expert on the same order neither the first one’s assignment nor its proposal of a new time', async () => {
    await as(tokens.owner)
      .post(`/assignments/${a1}/time-change`, { startsAt: '2026-10-02T10:00:00Z', endsAt: '2026-10-02T12:00:00Z' })
      .expect(201);
    const own = await as(tokens.e1).get(`/assignments/${a1}`).expect(200);
    expect(own.body.timeChange).toMatchObject({ status: 'open', startsAt: '2026-10-02T10:00:00.000Z' });
    expect(JSON.stringify(own.body)).not.toContain('Paavo');
    await as(tokens.e2).get(`/assignments/${a1}`).expect(404);
    await as(tokens.e2).post(`/assignments/${a1}/time-change/accept`).expect(404);
    await as(tokens.e2).post(`/assignments/${a1}/time-change/decline`).expect(404);
    const offers = await as(tokens.e2).get('/offers').expect(200);
    expect(JSON.stringify(offers.body)).not.toContain(a1);
  });

  it('gives the admin neither the order nor the expert’s ceiling', async () => {
    await as(tokens.admin).get(`/booking-requests/${requestId}`).expect(403);
    await as(tokens.admin).get(`/assignments/${a1}/cancellation-quote`).expect(403);
    const trail = await as(tokens.admin).get('/audit-events').query({ entityId: a1 }).expect(200);
    // The ceiling as a number of its own, not four digits inside an id (a UUID with "1500" in it failed this once).
    expect(JSON.stringify(trail.body)).not.toMatch(/(?<![\w-])1500(?![\w-])|ceilingCents|earnedCents|expectedCents/);
  });
});
