import { Role } from '../../../src/common/auth/role.enum';
import { RequestStatus } from '../../../src/modules/booking/entities/booking-request.entity';
import { CredentialStatus } from '../../../src/modules/credentials/entities/training-credential.entity';
import { OfferStatus } from '../../../src/modules/booking/entities/offer.entity';
import { createOffer, createRequest } from '../../factories/booking.factory';
import { createCredential } from '../../factories/credentials.factory';
import { createExpert } from '../../factories/experts.factory';
import { createClaim, createFinishedAssignment } from '../../factories/fees.factory';
import { createUser, login, TestUser } from '../../factories/users.factory';
import { coordinatorQueuesAt } from '../../utils/coordinator-queues';
import { TestApp } from '../../utils/test-app';

// The app's clock stands still on 1 Oct 2026 10:00 local time.
const NOW = '2026-10-01T07:00:00Z';

describe('the coordinator’s today summary', () => {
  let t: TestApp;
  let token: string;
  let orderer: TestUser;
  let unitId: string;

  beforeAll(async () => {
    ({
      t,
      coordinator: { token },
      orderer,
      unitId,
    } = await coordinatorQueuesAt(NOW));
  });
  afterAll(() => t.close());

  const today = async () =>
    (await t.http.get('/coordinator/today').set('authorization', `Bearer ${token}`).expect(200)).body;

  it('counts every queue and lists the oldest work first', async () => {
    const before = await today();
    const coordinator = await createUser(t.db, Role.Coordinator);
    const expert = await createExpert(t.db, { name: 'Tuulikki Tänään' });

    // A certificate to check, and one already decided.
    const pending = await createCredential(t.db, expert.id);
    await createCredential(t.db, expert.id, { status: CredentialStatus.Verified, decidedBy: coordinator.id });

    // Two orders waiting, one submitted before any other in the database; a draft and a filled one do not wait.
    const old = await createRequest(t.db, unitId, orderer.id, { title: 'Vanhin tilaus', expertsNeeded: 2 });
    await t.db.query(
      `UPDATE booking_requests SET submitted_at = LEAST('1999-01-01T00:00:00Z', (SELECT min(submitted_at) FROM booking_requests) - interval '1 day') WHERE id = $1`,
      [old.id],
    );
    const [{ submittedAt }] = await t.db.query(
      `SELECT submitted_at AS "submittedAt" FROM booking_requests WHERE id = $1`,
      [old.id],
    );
    await createRequest(t.db, unitId, orderer.id, { title: 'Uudempi tilaus', status: RequestStatus.Matching });
    await createRequest(t.db, unitId, orderer.id, { status: RequestStatus.Draft });
    await createRequest(t.db, unitId, orderer.id, { status: RequestStatus.Filled });

    // Offers: one open until tomorrow morning (expiring), one open for a week, one past, one answered.
    const soon = await createOffer(t.db, old, expert.id, coordinator.id, { deadline: '2026-10-02T06:00:00Z' });
    await createOffer(t.db, old, (await createExpert(t.db)).id, coordinator.id, { deadline: '2026-10-08T06:00:00Z' });
    await createOffer(t.db, old, (await createExpert(t.db)).id, coordinator.id, { deadline: '2026-09-30T06:00:00Z' });
    await createOffer(t.db, old, (await createExpert(t.db)).id, coordinator.id, {
      deadline: '2026-10-01T12:00:00Z',
      status: OfferStatus.Declined,
    });

    // A claim waiting, and one approved already.
    const work = await createFinishedAssignment(t.db, expert.id, {
      organisationId: unitId,
      createdBy: orderer.id,
      title: 'Kehittäjäryhmä',
    });
    const claim = await createClaim(t.db, expert.id, work, { status: 'submitted' });
    const done = await createFinishedAssignment(t.db, expert.id, {
      organisationId: unitId,
      createdBy: orderer.id,
      startsAt: '2026-10-21T07:00:00Z',
      endsAt: '2026-10-21T09:00:00Z',
    });
    await createClaim(t.db, expert.id, done, { status: 'approved', decidedBy: coordinator.id });

    const after = await today();
    expect(after.counts.credentialsToCheck - before.counts.credentialsToCheck).toBe(1);
    expect(after.counts.ordersToMatch - before.counts.ordersToMatch).toBe(2);
    expect(after.counts.offersExpiring - before.counts.offersExpiring).toBe(1);
    expect(after.counts.claimsToApprove - before.counts.claimsToApprove).toBe(1);

    expect(after.orders[0]).toMatchObject({
      id: old.id,
      title: 'Vanhin tilaus',
      expertsNeeded: 2,
      booked: 0,
      openOffers: 3,
      submittedAt: new Date(submittedAt).toISOString(),
    });
    expect(after.offersExpiring).toContainEqual({
      id: soon.id,
      requestId: old.id,
      title: 'Vanhin tilaus',
      expertName: 'Tuulikki Tänään',
      deadline: '2026-10-02T06:00:00.000Z',
    });
    // The queues show their first ten: the new rows are among them when fewer waited before.
    if (before.counts.credentialsToCheck < 10)
      expect(after.credentials).toContainEqual(
        expect.objectContaining({ id: pending.id, expertId: expert.id, expertName: 'Tuulikki Tänään' }),
      );
    if (before.counts.claimsToApprove < 10) {
      expect(after.claims).toContainEqual(
        expect.objectContaining({
          id: claim,
          expertName: 'Tuulikki Tänään',
          title: 'Kehittäjäryhmä',
          workDate: '2026-10-20',
        }),
      );
    }
  });

  it('is the coordinator’s alone', async () => {
    const expert = await createExpert(t.db);
    await t.http
      .get('/coordinator/today')
      .set('authorization', `Bearer ${await login(t.http, expert)}`)
      .expect(403);
    await t.http
      .get('/coordinator/today')
      .set('authorization', `Bearer ${await login(t.http, orderer)}`)
      .expect(403);
  });
});
