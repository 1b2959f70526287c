import { createBookableExpert } from '../../factories/bookable.factory';
import { remoteRequestBody } from '../../factories/booking.factory';
import { giveDateOfBirth, waitForPdf, waitForSignedCopy } from '../../factories/contracts.factory';
import { setPaymentDetails } from '../../factories/fees.factory';
import { login, TestUser } from '../../factories/users.factory';
import { asUser } from '../../utils/as-user';
import { until } from '../../utils/documents';
import { signedInFeeRunParties } from '../../utils/fee-runs';
import { createTestApp, TestApp } from '../../utils/test-app';
import type { Response } from 'supertest';

const NOW = '2026-10-01T07:00:00Z';
const AFTER_WORK = '2026-10-21T08:00:00Z';

// A double click, Enter pressed twice or a second tab: the same request sent twice at the same moment, at each step
// of the way from an offer to paid money. One of the two does it; the other is refused with a 409 that names why
// (or, where asking again is harmless, answered as the first was), never a 500, and nothing is done twice.
describe('the same request twice at once, from an offer to the payroll', () => {
  let t: TestApp;
  let coordinator: string;
  let orderer: TestUser & { token: string };
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    // Sessions last 14 days of the app's clock: signed in after the work, they hold from the offer to the export.
    t.clock.set(AFTER_WORK);
    ({ coordinator, orderer, unitId } = await signedInFeeRunParties(t));
  });
  afterAll(() => t.close());

  const as = asUser(() => t.http);
  const twice = (send: () => Promise<Response>) => Promise.all([send(), send()]);
  // The two answers: one that did it (its status) and one refused with the code, in either order.
  const oneDoneOneRefused = (answers: Response[], done: number, code: string): Response => {
    expect(answers.map((r) => r.status).sort()).toEqual([done, 409].sort());
    expect(answers.find((r) => r.status === 409)!.body.code).toBe(code);
    return answers.find((r) => r.status === done)!;
  };
  const audited = async (action: string, entityId: string) =>
    (
      (await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND entity_id = $2`, [
        action,
        entityId,
      ])) as { n: number }[]
    )[0].n;

  it('does each step once: offer, acceptance, contract, completion, claim, approval, fee run, export', async () => {
    const expert = await createBookableExpert(t.db, { topics: ['substance_use'], worksRemotely: true });
    await setPaymentDetails(t.db, expert.id);
    await giveDateOfBirth(t.db, expert.id);
    const expertToken = await login(t.http, expert);
    t.clock.set(NOW);
    const order = await as(orderer.token)
      .post(
        '/booking-requests',
        remoteRequestBody(unitId, { title: 'Päihdepalveluiden kehittäjäryhmä', topics: ['substance_use'] }),
      )
      .expect(201);
    const requestId = order.body.id as string;
    oneDoneOneRefused(
      await twice(() => as(orderer.token).post(`/booking-requests/${requestId}/submit`)),
      200,
      'REQUEST_STATUS_CONFLICT',
    );

    const offer = { expertIds: [expert.id], deadline: '2026-10-10T12:00:00Z' };
    const offered = oneDoneOneRefused(
      await twice(() => as(coordinator).post(`/booking-requests/${requestId}/offers`, offer)),
      201,
      'ALREADY_OFFERED',
    );
    const offerId = offered.body[0].id as string;

    const accepted = oneDoneOneRefused(
      await twice(() => as(expertToken).post(`/offers/${offerId}/accept`)),
      201,
      'OFFER_NOT_OPEN',
    );
    const assignmentId = accepted.body.id as string;
    expect(await t.db.query(`SELECT id FROM assignments WHERE request_id = $1`, [requestId])).toEqual([
      { id: assignmentId },
    ]);
    expect(await audited('offer.accepted', offerId)).toBe(1);

    const [{ id: contractId }] = (await t.db.query(
      `SELECT contract_id AS id FROM contract_assignments WHERE assignment_id = $1`,
      [assignmentId],
    )) as { id: string }[];
    oneDoneOneRefused(
      await twice(() => as(coordinator).post(`/contracts/${contractId}/approve`)),
      200,
      'CONTRACT_ALREADY_APPROVED',
    );
    await waitForPdf(t.db, contractId);
    oneDoneOneRefused(
      await twice(() => as(expertToken).post(`/contracts/${contractId}/sign`, { password: expert.password })),
      200,
      'CONTRACT_ALREADY_SIGNED',
    );
    expect(await audited('contract.signed', contractId)).toBe(1);
    expect(await audited('assignment.confirmed', assignmentId)).toBe(1);
    await waitForSignedCopy(t.db, contractId);

    t.clock.set(AFTER_WORK);
    oneDoneOneRefused(
      await twice(() => as(orderer.token).post(`/assignments/${assignmentId}/complete`, { tookPlace: true })),
      200,
      'ASSIGNMENT_STATUS_CONFLICT',
    );
    expect(await audited('assignment.completed', assignmentId)).toBe(1);

    const claimAnswers = await twice(() => as(expertToken).post('/claims', { assignmentId }));
    const created = oneDoneOneRefused(claimAnswers, 201, 'CLAIM_ALREADY_EXISTS');
    const claimId = created.body.id as string;
    // The refused press names the claim the other one made, for the page to open it.
    expect(claimAnswers.find((r) => r.status === 409)!.body.claimId).toBe(claimId);
    oneDoneOneRefused(
      await twice(() => as(expertToken).post(`/claims/${claimId}/submit`)),
      200,
      'CLAIM_STATUS_CONFLICT',
    );
    expect(await audited('claim.submitted', claimId)).toBe(1);
    oneDoneOneRefused(
      await twice(() => as(coordinator).post(`/claims/${claimId}/approve`)),
      200,
      'CLAIM_STATUS_CONFLICT',
    );
    expect(await audited('claim.approved', claimId)).toBe(1);

    const started = oneDoneOneRefused(
      await twice(() => as(coordinator).post('/fee-runs', { upTo: '2026-10-21' })),
      202,
      'FEE_RUN_IN_PROGRESS',
    );
    const runId = started.body.id as string;
    const runIs = (status: string) =>
      until(
        () =>
          as(coordinator)
            .get(`/fee-runs/${runId}`)
            .then((r) => r.body as { status: string }),
        (r) => r.status === status || r.status === 'failed',
      );
    expect((await runIs('computed')).status).toBe('computed');
    oneDoneOneRefused(
      await twice(() => as(coordinator).post(`/fee-runs/${runId}/approve`)),
      200,
      'FEE_RUN_STATUS_CONFLICT',
    );
    expect(await audited('fee_run.approved', runId)).toBe(1);

    // Asking for the export again is harmless (it re-queues one that failed): the second is answered as the first
    // was (or, should the export be done before it looks, refused as exported), and the request is recorded, and
    // the export done, once.
    const exports = await twice(() => as(coordinator).post(`/fee-runs/${runId}/export`));
    const [first, second] = exports.sort((a, b) => a.status - b.status);
    expect(first.status).toBe(202);
    expect(second.status === 202 || second.body.code === 'FEE_RUN_STATUS_CONFLICT').toBe(true);
    expect((await runIs('exported')).status).toBe('exported');
    expect(await audited('fee_run.export_requested', runId)).toBe(1);
    expect(await audited('fee_run.exported', runId)).toBe(1);
    const lines = (await t.db.query(`SELECT run_id FROM fee_run_lines WHERE claim_id = $1`, [claimId])) as unknown[];
    expect(lines).toEqual([{ run_id: runId }]);
    expect((await as(expertToken).get(`/claims/${claimId}`).expect(200)).body).toMatchObject({
      status: 'paid',
      paidRunId: runId,
    });
  });
});
