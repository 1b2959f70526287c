import { Role } from '../../../src/common/auth/role.enum';
import { ExpertStatus } from '../../../src/modules/experts/entities/expert.entity';
import { createOffer, createRequest } from '../../factories/booking.factory';
import { MatchingService } from '../../../src/modules/booking/matching/matching.service';
import { ContractEnding } from '../../../src/modules/contracts/lifecycle/contract-ending.service';
import { draftedAssignment, giveDateOfBirth, signContractOf, waitForPdf } from '../../factories/contracts.factory';
import { createExpert } from '../../factories/experts.factory';
import { createUnit } from '../../factories/organisations.factory';
import { createUser, login, TestUser } from '../../factories/users.factory';
import { asUser } from '../../utils/as-user';
import { createTestApp, TestApp } from '../../utils/test-app';

// What happens to an expert's open work when the coordinator retires or anonymises them: open offers are withdrawn
// with the move, booked work that has not ended refuses it, and an erased expert's unsigned contracts end and lose
// the person.
describe('retiring and anonymising an expert with open work', () => {
  let t: TestApp;
  let coordinator: TestUser & { token: string };
  let orderer: TestUser;
  let unitId: string;
  const as = asUser(() => t.http);
  const day = 24 * 3600_000;
  // Days from now, at 09:00 UTC, two hours long.
  const at = (days: number) => {
    const startsAt = new Date(Math.floor(Date.now() / day) * day + days * day + 9 * 3600_000);
    return { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString() };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const user = await createUser(t.db, Role.Coordinator);
    coordinator = { ...user, token: await login(t.http, user) };
    orderer = await createUser(t.db, Role.Orderer);
    unitId = (await createUnit(t.db)).id;
  });
  afterAll(() => t.close());

  async function signedInExpert(): Promise<TestUser & { token: string }> {
    const expert = await createExpert(t.db, { name: 'Aino Avoin' });
    return { ...expert, token: await login(t.http, expert) };
  }

  async function openOffer(expertId: string, days = 20): Promise<string> {
    const request = await createRequest(t.db, unitId, orderer.id, at(days));
    return (await createOffer(t.db, request, expertId, coordinator.id, { deadline: at(days - 5).startsAt })).id;
  }

  function booked(expertId: string, days: number, status: 'accepted' | 'confirmed' = 'accepted') {
    return draftedAssignment(t, { expertId, organisationId: unitId, createdBy: orderer.id, ...at(days), status });
  }

  const offerStatus = async (id: string) =>
    ((await t.db.query(`SELECT status FROM offers WHERE id = $1`, [id])) as { status: string }[])[0].status;
  const expertStatus = async (id: string) =>
    ((await t.db.query(`SELECT status FROM experts WHERE user_id = $1`, [id])) as { status: string }[])[0].status;
  const audit = (targetId: string) =>
    t.db.query(`SELECT action, details FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id`, [
      targetId,
    ]) as Promise<{ action: string; details: Record<string, unknown> }[]>;

  it.each(['retire', 'anonymise'] as const)(
    '%s: the expert’s open offers are withdrawn and cannot be accepted; ended work does not hold them',
    async (action) => {
      const expert = await signedInExpert();
      const offerId = await openOffer(expert.id);
      // Work that has ended, awaiting the orderer's confirmation, does not hold the expert.
      await booked(expert.id, -3);
      await as(coordinator).post(`/experts/${expert.id}/${action}`, { reason: 'Pyysi' }).expect(200);
      expect(await offerStatus(offerId)).toBe('withdrawn');
      expect(await audit(offerId)).toEqual([
        {
          action: 'offer.withdrawn',
          details: { reason: action === 'retire' ? 'expert_retired' : 'expert_anonymised' },
        },
      ]);
      if (action === 'retire') {
        const res = await as(expert).post(`/offers/${offerId}/accept`, {}).expect(409);
        expect(res.body.code).toBe('OFFER_NOT_OPEN');
      }
    },
  );

  it('an offer left open for an expert retired before this rule cannot be accepted', async () => {
    const expert = await signedInExpert();
    const offerId = await openOffer(expert.id);
    await t.db.query(`UPDATE experts SET status = 'retired' WHERE user_id = $1`, [expert.id]);
    const res = await as(expert).post(`/offers/${offerId}/accept`, {}).expect(409);
    expect(res.body).toMatchObject({ code: 'OFFER_NOT_OPEN', reason: 'withdrawn' });
    expect(await t.db.query(`SELECT 1 FROM assignments WHERE expert_id = $1`, [expert.id])).toEqual([]);
  });

  it('a paused expert is not booked directly, even when the matching was read before the pause', async () => {
    const expert = await signedInExpert();
    await as(coordinator).post(`/experts/${expert.id}/pause`, {}).expect(200);
    const request = await createRequest(t.db, unitId, orderer.id, at(20));
    // The candidates as read a moment before the pause: the booking decides again under the expert's lock.
    const matching = jest.spyOn(t.app.get(MatchingService), 'nonCandidates').mockResolvedValueOnce([]);
    try {
      const res = await as(coordinator)
        .post(`/booking-requests/${request.id}/assignments`, { expertId: expert.id })
        .expect(400);
      expect(res.body.code).toBe('EXPERT_NOT_MATCHING');
    } finally {
      matching.mockRestore();
    }
    expect(await t.db.query(`SELECT 1 FROM assignments WHERE expert_id = $1`, [expert.id])).toEqual([]);
  });

  it.each(['retire', 'anonymise'] as const)(
    '%s is refused while accepted or confirmed work has not ended, and nothing is written',
    async (action) => {
      const expert = await signedInExpert();
      const offerId = await openOffer(expert.id, 30);
      await booked(expert.id, 10);
      await booked(expert.id, 12);
      const res = await as(coordinator).post(`/experts/${expert.id}/${action}`, { reason: 'Pyysi' }).expect(409);
      expect(res.body).toMatchObject({ code: 'EXPERT_HAS_BOOKED_WORK', bookedAssignments: 2 });
      expect(res.body.detail).toContain('has 2 accepted or confirmed');
      expect(await expertStatus(expert.id)).toBe(ExpertStatus.Active);
      expect(await offerStatus(offerId)).toBe('offered');
      expect((await audit(expert.id)).map((a) => a.action)).toEqual([]);
    },
  );

  it('anonymise: an approved contract never signed ends and loses the person; a signed one stays whole', async () => {
    const expert = await signedInExpert();
    await giveDateOfBirth(t.db, expert.id, '1981-02-03');
    // Signed before the work, which has since taken place: the legal record the fees are paid on.
    const signed = await booked(expert.id, 5);
    await signContractOf(t, signed.assignmentId, coordinator, expert);
    await t.db.query(
      `UPDATE assignments SET starts_at = starts_at - interval '10 days', ends_at = ends_at - interval '10 days' WHERE id = $1`,
      [signed.assignmentId],
    );
    const whole = `SELECT status, snapshot, pdf_sha256 FROM contracts WHERE id = $1`;
    const signedBefore = await t.db.query(whole, [signed.contractId]);
    const { contractId } = await booked(expert.id, -3);
    await as(coordinator).post(`/contracts/${contractId}/approve`).expect(200);
    await waitForPdf(t.db, contractId);
    await as(coordinator).post(`/experts/${expert.id}/anonymise`, { reason: 'Pyysi' }).expect(200);
    const [row] = (await t.db.query(
      `SELECT status, termination_cause AS cause, snapshot, pdf, pdf_sha256 AS sha FROM contracts WHERE id = $1`,
      [contractId],
    )) as { status: string; cause: string; snapshot: unknown; pdf: unknown; sha: unknown }[];
    expect(row).toEqual({ status: 'terminated', cause: 'coordinator', snapshot: null, pdf: null, sha: null });
    expect((await audit(contractId)).map((a) => a.action)).toContain('contract.terminated');
    expect(signedBefore[0]).toMatchObject({ status: 'signed' });
    expect(await t.db.query(whole, [signed.contractId])).toEqual(signedBefore);
  });

  it('anonymise: a failure part-way leaves everything as it was (one transaction)', async () => {
    const expert = await signedInExpert();
    await giveDateOfBirth(t.db, expert.id);
    const offerId = await openOffer(expert.id);
    const { contractId } = await booked(expert.id, -3);
    await as(coordinator).post(`/contracts/${contractId}/approve`).expect(200);
    await waitForPdf(t.db, contractId);
    const ending = jest
      .spyOn(t.app.get(ContractEnding), 'endUnsignedOfErased')
      .mockRejectedValueOnce(new Error('disk full'));
    try {
      await as(coordinator).post(`/experts/${expert.id}/anonymise`, { reason: 'Pyysi' }).expect(500);
    } finally {
      ending.mockRestore();
    }
    expect(await expertStatus(expert.id)).toBe(ExpertStatus.Active);
    expect(await offerStatus(offerId)).toBe('offered');
    expect(await audit(offerId)).toEqual([]);
    const [contract] = (await t.db.query(`SELECT status, snapshot IS NOT NULL AS kept FROM contracts WHERE id = $1`, [
      contractId,
    ])) as { status: string; kept: boolean }[];
    expect(contract).toEqual({ status: 'approved', kept: true });
  });
});
