import { randomUUID } from 'node:crypto';
import { Role } from '../../../src/common/auth/role.enum';
import { AssignmentStatus } from '../../../src/modules/booking/entities/assignment.entity';
import { OfferStatus } from '../../../src/modules/booking/entities/offer.entity';
import { createAssignment, createOffer, createRequest } from '../../factories/booking.factory';
import { createExpert } from '../../factories/experts.factory';
import { createOrdererOfUnit } from '../../factories/organisations.factory';
import { loggedIn } from '../../factories/users.factory';
import { createTestApp, TestApp } from '../../utils/test-app';

const NOW = '2026-10-01T07:00:00Z';

describe('the matching context of an order', () => {
  let t: TestApp;
  let token: string;
  let coordinatorId: string;
  let ordererId: string;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    ({ id: coordinatorId, token } = await loggedIn(t.db, t.http, Role.Coordinator));
    ({
      orderer: { id: ordererId },
      unitId,
    } = await createOrdererOfUnit(t.db));
  });
  afterAll(() => t.close());

  const get = (path: string) => t.http.get(path).set('authorization', `Bearer ${token}`);

  it('lists the order’s offers in every state, the asked experts’ load around its date and the score weights', async () => {
    // Thursday 15 Oct 2026.
    const order = await createRequest(t.db, unitId, ordererId, {
      title: 'Arviointi',
      startsAt: '2026-10-15T07:00:00Z',
      endsAt: '2026-10-15T09:00:00Z',
    });
    const busy = await createExpert(t.db, { name: 'Kiireinen Kaisa', maxPerWeek: 2, maxPerMonth: 4 });
    const free = await createExpert(t.db, { name: 'Vapaa Ville' });
    const at = async (startsAt: string, status: AssignmentStatus) => {
      const r = await createRequest(t.db, unitId, ordererId, {
        startsAt,
        endsAt: new Date(new Date(startsAt).getTime() + 3_600_000).toISOString(),
      });
      await createAssignment(t.db, r, busy.id, { status });
    };
    await at('2026-10-12T07:00:00Z', AssignmentStatus.Confirmed); // Monday of the order's week
    await at('2026-10-02T07:00:00Z', AssignmentStatus.Completed); // same month
    await at('2026-10-13T07:00:00Z', AssignmentStatus.Cancelled); // not counted
    await at('2026-09-30T07:00:00Z', AssignmentStatus.Completed); // another month

    const declined = await createOffer(t.db, order, busy.id, coordinatorId, {
      deadline: '2026-10-05T12:00:00Z',
      status: OfferStatus.Declined,
    });
    await t.db.query(
      `UPDATE offers SET decline_reason = 'Ei sovi', answered_at = '2026-09-29T10:00:00Z', offered_at = '2026-09-28T10:00:00Z' WHERE id = $1`,
      [declined.id],
    );
    const expired = await createOffer(t.db, order, free.id, coordinatorId, {
      deadline: '2026-09-30T12:00:00Z',
      status: OfferStatus.Expired,
    });
    await t.db.query(`UPDATE offers SET offered_at = '2026-09-27T10:00:00Z' WHERE id = $1`, [expired.id]);

    const body = (await get(`/booking-requests/${order.id}/matching?expertIds=${busy.id},${free.id}`).expect(200)).body;
    expect(body.offers).toEqual([
      expect.objectContaining({
        id: declined.id,
        expertId: busy.id,
        expertName: 'Kiireinen Kaisa',
        status: 'declined',
        declineReason: 'Ei sovi',
        answeredAt: '2026-09-29T10:00:00.000Z',
      }),
      expect.objectContaining({
        id: expired.id,
        expertId: free.id,
        expertName: 'Vapaa Ville',
        status: 'expired',
        answeredAt: null,
      }),
    ]);
    const byId = Object.fromEntries(body.loads.map((l: { expertId: string }) => [l.expertId, l]));
    expect(byId[busy.id]).toEqual({
      expertId: busy.id,
      week: 1,
      month: 2,
      maxPerWeek: 2,
      maxPerMonth: 4,
      offersLast30Days: 1,
      lastOfferedAt: '2026-09-28T10:00:00.000Z',
    });
    expect(byId[free.id]).toMatchObject({ week: 0, month: 0, maxPerWeek: null, offersLast30Days: 1 });
    expect(body.weights).toEqual({
      base: 100,
      perSharedTopic: 10,
      homeMunicipality: 5,
      firstLanguage: 3,
      perRecentAssignment: 12,
    });
  });

  it("runs the app's queries without JIT compilation, which a misestimated matching plan would otherwise pay on every call", async () => {
    const [{ jit }] = (await t.db.query('SHOW jit')) as { jit: string }[];
    expect(jit).toBe('off');
  });

  it('names a bad expert id and an unknown order', async () => {
    const order = await createRequest(t.db, unitId, ordererId);
    const bad = await get(`/booking-requests/${order.id}/matching?expertIds=nope`).expect(400);
    expect(bad.body.code).toBeDefined();
    expect(JSON.stringify(bad.body)).toContain('expertIds');
    await get(`/booking-requests/${randomUUID()}/matching`).expect(404);
    expect((await get(`/booking-requests/${order.id}/matching`).expect(200)).body.loads).toEqual([]);
  });
});
