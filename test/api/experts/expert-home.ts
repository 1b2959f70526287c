import { OfferStatus } from '../../../src/modules/booking/entities/offer.entity';
import { AssignmentStatus } from '../../../src/modules/booking/entities/assignment.entity';
import { createAssignment, createOffer, createRequest } from '../../factories/booking.factory';
import { draftedAssignment, giveDateOfBirth, waitForPdf } from '../../factories/contracts.factory';
import { createExpert } from '../../factories/experts.factory';
import { createClaim, createFinishedAssignment } from '../../factories/fees.factory';
import { login, TestUser } from '../../factories/users.factory';
import { coordinatorQueuesAt } from '../../utils/coordinator-queues';
import { TestApp } from '../../utils/test-app';

// The app's clock stands still on 1 Oct 2026 10:00 local time.
const NOW = '2026-10-01T07:00:00Z';

describe('the expert’s home summary', () => {
  let t: TestApp;
  let coordinator: TestUser & { token: string };
  let orderer: TestUser;
  let unitId: string;

  beforeAll(async () => {
    ({ t, coordinator, orderer, unitId } = await coordinatorQueuesAt(NOW));
  });
  afterAll(() => t.close());

  const get = (token: string) => t.http.get('/experts/me/home').set('authorization', `Bearer ${token}`);
  const request = (title: string, day: number) =>
    createRequest(t.db, unitId, orderer.id, {
      title,
      startsAt: `2026-10-${day}T08:00:00Z`,
      endsAt: `2026-10-${day}T10:00:00Z`,
    });

  it('answers in one call what waits for the expert, their own rows only', async () => {
    const expert = await createExpert(t.db, { name: 'Hilkka Koti' });
    await giveDateOfBirth(t.db, expert.id);
    const other = await createExpert(t.db);

    // Offers: two open (nearest deadline first), one past its deadline, one answered, one to another expert.
    const later = await createOffer(t.db, await request('Myöhempi tarjous', 20), expert.id, coordinator.id, {
      deadline: '2026-10-12T12:00:00Z',
    });
    const sooner = await createOffer(t.db, await request('Pian vastattava', 21), expert.id, coordinator.id, {
      deadline: '2026-10-05T12:00:00Z',
    });
    await createOffer(t.db, await request('Vanhentunut', 22), expert.id, coordinator.id, {
      deadline: '2026-09-30T12:00:00Z',
    });
    await createOffer(t.db, await request('Vastattu', 23), expert.id, coordinator.id, {
      deadline: '2026-10-12T12:00:00Z',
      status: OfferStatus.Declined,
    });
    await createOffer(t.db, await request('Toisen tarjous', 24), other.id, coordinator.id, {
      deadline: '2026-10-12T12:00:00Z',
    });

    // Assignments: four ahead (the next three shown, four counted), one cancelled, one of another expert.
    const ahead = [];
    for (const day of [13, 10, 16, 15])
      ahead.push(
        await createAssignment(t.db, await request(`Toimeksianto ${day}`, day), expert.id, {
          status: AssignmentStatus.Confirmed,
        }),
      );
    await createAssignment(t.db, await request('Peruttu', 11), expert.id, { status: AssignmentStatus.Cancelled });
    await createAssignment(t.db, await request('Toisen työ', 12), other.id);

    // A contract approved with its PDF rendered is to sign; a draft is not yet.
    const approved = await draftedAssignment(t, {
      expertId: expert.id,
      organisationId: unitId,
      createdBy: orderer.id,
      startsAt: '2026-10-27T08:00:00Z',
      endsAt: '2026-10-27T10:00:00Z',
      title: 'Sopimuksen työ',
    });
    await t.http
      .post(`/contracts/${approved.contractId}/approve`)
      .set('authorization', `Bearer ${coordinator.token}`)
      .send({})
      .expect(200);
    await waitForPdf(t.db, approved.contractId);
    await draftedAssignment(t, {
      expertId: expert.id,
      organisationId: unitId,
      createdBy: orderer.id,
      startsAt: '2026-10-28T08:00:00Z',
      endsAt: '2026-10-28T10:00:00Z',
      title: 'Luonnos',
    });

    // One claim returned for correction, one still submitted.
    const done1 = await createFinishedAssignment(t.db, expert.id, {
      organisationId: unitId,
      createdBy: orderer.id,
      startsAt: '2026-09-10T07:00:00Z',
      endsAt: '2026-09-10T09:00:00Z',
    });
    const done2 = await createFinishedAssignment(t.db, expert.id, {
      organisationId: unitId,
      createdBy: orderer.id,
      startsAt: '2026-09-11T07:00:00Z',
      endsAt: '2026-09-11T09:00:00Z',
    });
    const returned = await createClaim(t.db, expert.id, done1, { status: 'submitted', workDate: '2026-09-10' });
    await createClaim(t.db, expert.id, done2, { status: 'submitted', workDate: '2026-09-11' });
    await t.http
      .post(`/claims/${returned}/return`)
      .set('authorization', `Bearer ${coordinator.token}`)
      .send({ reason: 'Kuitti puuttuu.' })
      .expect(200);

    // A new time proposed for one of the work ahead, waiting for the expert's answer; an answered one is not.
    for (const [assignment, status] of [
      [ahead[0], 'open'],
      [ahead[2], 'declined'],
    ] as const)
      await t.db.query(
        `INSERT INTO assignment_time_changes (assignment_id, status, from_starts_at, from_ends_at, starts_at, ends_at, proposed_by, proposed_at, answered_at)
         SELECT id, $2::text::time_change_status, starts_at, ends_at, '2026-11-02T08:00:00Z', '2026-11-02T10:00:00Z', $3, now(), CASE WHEN $2::text = 'open' THEN NULL ELSE now() END
           FROM assignments WHERE id = $1`,
        [assignment.id, status, orderer.id],
      );

    const home = (await get(await login(t.http, expert)).expect(200)).body;
    expect(home.timeChanges).toEqual([
      {
        assignmentId: ahead[0].id,
        title: 'Toimeksianto 13',
        fromStartsAt: ahead[0].startsAt.toISOString(),
        fromEndsAt: ahead[0].endsAt.toISOString(),
        startsAt: '2026-11-02T08:00:00.000Z',
        endsAt: '2026-11-02T10:00:00.000Z',
        proposedAt: expect.any(String),
      },
    ]);
    expect(home.offers.map((o: { id: string; title: string }) => [o.id, o.title])).toEqual([
      [sooner.id, 'Pian vastattava'],
      [later.id, 'Myöhempi tarjous'],
    ]);
    expect(home.offers[0]).toEqual({
      id: sooner.id,
      title: 'Pian vastattava',
      startsAt: '2026-10-21T08:00:00.000Z',
      endsAt: '2026-10-21T10:00:00.000Z',
      deadline: '2026-10-05T12:00:00.000Z',
    });
    expect(home.nextAssignments.map((a: { title: string }) => a.title)).toEqual([
      'Toimeksianto 10',
      'Toimeksianto 13',
      'Toimeksianto 15',
    ]);
    expect(home.nextAssignments[0]).toMatchObject({ id: ahead[1].id, status: 'confirmed' });
    // The four confirmed ones and the two accepted under the contracts.
    expect(home.upcomingAssignments).toBe(6);
    expect(home.contractsToSign).toEqual([
      { id: approved.contractId, number: expect.any(String), titles: ['Sopimuksen työ'] },
    ]);
    expect(home.returnedClaims).toBe(1);

    // Another expert sees none of it.
    expect((await get(await login(t.http, other)).expect(200)).body).toEqual({
      offers: [expect.objectContaining({ title: 'Toisen tarjous' })],
      nextAssignments: [expect.objectContaining({ title: 'Toisen työ' })],
      upcomingAssignments: 1,
      contractsToSign: [],
      returnedClaims: 0,
      timeChanges: [],
    });
  });

  it('is the expert’s alone: other roles are refused and a missing token is unauthenticated', async () => {
    await get(coordinator.token).expect(403);
    await get(await login(t.http, orderer)).expect(403);
    await t.http.get('/experts/me/home').expect(401);
  });
});
