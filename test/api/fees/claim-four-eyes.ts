import { Role } from '../../../src/common/auth/role.enum';
import { AuditEventEntity } from '../../../src/modules/audit/entities/audit-event.entity';
import { createExpert } from '../../factories/experts.factory';
import { createClaim, createFinishedAssignment } from '../../factories/fees.factory';
import { createUnit } from '../../factories/organisations.factory';
import { createUser, login, TestUser } from '../../factories/users.factory';
import { asUser } from '../../utils/as-user';
import { createTestApp, TestApp } from '../../utils/test-app';

const AFTER_WORK = '2026-10-21T08:00:00Z';

// Four eyes on claims: over the amount the fee settings name, two different coordinators approve a claim.
describe('claims with four eyes', () => {
  let t: TestApp;
  let coordinatorA: TestUser & { token: string };
  let coordinatorB: TestUser & { token: string };
  let ordererId: string;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(AFTER_WORK);
    const a = await createUser(t.db, Role.Coordinator);
    const b = await createUser(t.db, Role.Coordinator);
    coordinatorA = { ...a, token: await login(t.http, a) };
    coordinatorB = { ...b, token: await login(t.http, b) };
    ordererId = (await createUser(t.db, Role.Orderer)).id;
    unitId = (await createUnit(t.db)).id;
    // 50 €: the claims below come to 62.50 € (2.5 h at 25 €/h) or 25 € (1 h).
    await as(coordinatorA).patch('/fee-settings', { claimFourEyesAboveCents: 50_00 }).expect(200);
  });
  afterAll(async () => {
    await as(coordinatorA).patch('/fee-settings', { claimFourEyesAboveCents: null }).expect(200);
    await t.close();
  });

  const as = asUser(() => t.http);

  async function submittedClaim(
    workedMinutes = 120,
    preparationMinutes = 30,
  ): Promise<{ id: string; expert: TestUser }> {
    const expert = await createExpert(t.db);
    const assignmentId = await createFinishedAssignment(t.db, expert.id, {
      organisationId: unitId,
      createdBy: ordererId,
    });
    const id = await createClaim(t.db, expert.id, assignmentId, {
      status: 'submitted',
      workedMinutes,
      preparationMinutes,
    });
    return { id, expert };
  }

  const events = (claimId: string) =>
    t.db.getRepository(AuditEventEntity).find({
      where: { entityType: 'claim', entityId: claimId },
      order: { occurredAt: 'ASC' },
    });

  it('keeps the setting: an amount in cents or null, refusing a negative one by name', async () => {
    const got = await as(coordinatorB).get('/fee-settings').expect(200);
    expect(got.body).toMatchObject({ claimFourEyesAboveCents: 50_00 });
    const bad = await as(coordinatorB).patch('/fee-settings', { claimFourEyesAboveCents: -1 }).expect(400);
    expect(bad.body.errors[0].field).toBe('claimFourEyesAboveCents');
    await as(coordinatorB).patch('/fee-settings', { claimFourEyesAboveCents: 'lots' }).expect(400);
    const admin = await login(t.http, await createUser(t.db, Role.Admin));
    await as(admin).patch('/fee-settings', { claimFourEyesAboveCents: null }).expect(403);
    expect((await as(coordinatorB).get('/fee-settings').expect(200)).body.claimFourEyesAboveCents).toBe(50_00);
  });

  it('records the first approval, refuses the same coordinator again, and approves with a second one', async () => {
    const { id } = await submittedClaim();
    const before = await as(coordinatorA).get(`/claims/${id}`).expect(200);
    expect(before.body).toMatchObject({ status: 'submitted', twoApprovalsNeeded: true, firstApprovedBy: null });

    const first = await as(coordinatorA).post(`/claims/${id}/approve`).expect(200);
    expect(first.body).toMatchObject({
      status: 'submitted',
      firstApprovedBy: coordinatorA.id,
      firstApprovedByName: expect.stringMatching(/\S/),
      decidedAt: null,
    });
    expect(first.body.firstApprovedAt).toBe(new Date(AFTER_WORK).toISOString());

    // The queue shows it waiting for a second approval.
    const queue = await as(coordinatorB).get('/claims?status=submitted&limit=100').expect(200);
    expect(queue.body.items.find((c: { id: string }) => c.id === id)).toMatchObject({
      firstApprovedBy: coordinatorA.id,
      twoApprovalsNeeded: true,
    });

    const again = await as(coordinatorA).post(`/claims/${id}/approve`).expect(409);
    expect(again.body.code).toBe('CLAIM_SECOND_APPROVER_REQUIRED');
    expect((await as(coordinatorA).get(`/claims/${id}`).expect(200)).body.status).toBe('submitted');

    // The database refuses one person as both, whatever the code does.
    await expect(
      t.db.query(
        `UPDATE claims SET status = 'approved', decided_by = first_approved_by, decided_at = now() WHERE id = $1`,
        [id],
      ),
    ).rejects.toThrow(/claims_four_eyes/);

    const second = await as(coordinatorB).post(`/claims/${id}/approve`).expect(200);
    expect(second.body).toMatchObject({ status: 'approved', firstApprovedBy: coordinatorA.id });
    const [decidedBy] = await t.db.query(`SELECT decided_by FROM claims WHERE id = $1`, [id]);
    expect(decidedBy.decided_by).toBe(coordinatorB.id);
    await as(coordinatorA).post(`/claims/${id}/approve`).expect(409);

    const audit = await events(id);
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([
      ['claim.first_approval', coordinatorA.id],
      ['claim.approved', coordinatorB.id],
    ]);
    expect(audit[1].details).toMatchObject({
      totalCents: 62_50,
      fourEyesAboveCents: 50_00,
      firstApprovedBy: coordinatorA.id,
    });
  });

  it('lets one coordinator approve a claim at or under the amount', async () => {
    const { id } = await submittedClaim(60, 0);
    const got = await as(coordinatorA).get(`/claims/${id}`).expect(200);
    expect(got.body.twoApprovalsNeeded).toBe(false);
    const approved = await as(coordinatorA).post(`/claims/${id}/approve`).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', firstApprovedBy: null });
  });

  it('starts over when the claim is returned: the first approver may then approve first again', async () => {
    const { id, expert } = await submittedClaim();
    await as(coordinatorA).post(`/claims/${id}/approve`).expect(200);
    // The first approver may still return it; a return undoes the first approval.
    const returned = await as(coordinatorA)
      .post(`/claims/${id}/return`, { reason: 'Tunnit eivät täsmää kutsuun.' })
      .expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', firstApprovedBy: null, firstApprovedAt: null });
    const token = await login(t.http, expert);
    await as(token).post(`/claims/${id}/submit`).expect(200);
    const first = await as(coordinatorA).post(`/claims/${id}/approve`);
    expect([first.status, first.body]).toEqual([200, expect.objectContaining({ firstApprovedBy: coordinatorA.id })]);
    await as(coordinatorB).post(`/claims/${id}/approve`).expect(200);
  });

  it('with the setting turned off, the coordinator who approved first decides alone', async () => {
    const { id } = await submittedClaim();
    await as(coordinatorA).post(`/claims/${id}/approve`).expect(200);
    await as(coordinatorA).patch('/fee-settings', { claimFourEyesAboveCents: null }).expect(200);
    try {
      const got = await as(coordinatorA).get(`/claims/${id}`).expect(200);
      expect(got.body).toMatchObject({ twoApprovalsNeeded: false, firstApprovedBy: coordinatorA.id });
      // Turned off after their first approval, the same coordinator decides alone; theirs is the only approval.
      const approved = await as(coordinatorA).post(`/claims/${id}/approve`).expect(200);
      expect(approved.body).toMatchObject({ status: 'approved', firstApprovedBy: null });
    } finally {
      await as(coordinatorA).patch('/fee-settings', { claimFourEyesAboveCents: 50_00 }).expect(200);
    }
  });
});
