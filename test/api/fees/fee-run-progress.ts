import { Role } from '../../../src/common/auth/role.enum';
import { createExpert } from '../../factories/experts.factory';
import { seedApprovedClaims, setPaymentDetails, settleOpenFeeRuns } from '../../factories/fees.factory';
import { createUnit } from '../../factories/organisations.factory';
import { createUser, login } from '../../factories/users.factory';
import { createTestApp, TestApp } from '../../utils/test-app';

const CLAIMS = 30;

// The coordinator's progress bar polls this while the worker computes in small, slowed batches.
describe('a fee run’s progress and its lines by filter', () => {
  let t: TestApp;
  let token: string;
  let runId: string;
  const seen: { status: string; percent: number; processedClaims: number; totalClaims: number }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ env: { FEE_RUN_BATCH_SIZE: '5', FEE_RUN_BATCH_DELAY_MS: '150' } });
    await settleOpenFeeRuns(t.db);
    token = `Bearer ${await login(t.http, await createUser(t.db, Role.Coordinator))}`;
    const creator = (await createUser(t.db, Role.Orderer)).id;
    const experts = await Promise.all([1, 2, 3].map((n) => createExpert(t.db, { name: `Edistyjä ${n}` })));
    for (const e of experts) await setPaymentDetails(t.db, e.id, { taxPercent: 10, taxCardYear: 2026 });
    const units = [(await createUnit(t.db)).id, (await createUnit(t.db)).id];
    await seedApprovedClaims(t.db, {
      count: CLAIMS,
      expertIds: experts.map((e) => e.id),
      organisationIds: units,
      createdBy: creator,
      decidedBy: creator,
      firstDay: '2026-02-02',
    });

    runId = (await t.http.post('/fee-runs').set('authorization', token).send({ upTo: '2026-03-31' }).expect(202)).body
      .id;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const res = await t.http.get(`/fee-runs/${runId}/progress`).set('authorization', token).expect(200);
      seen.push(res.body);
      if (!['queued', 'running'].includes(res.body.status)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  afterAll(() => t.close());

  it('climbs while the worker computes and ends at 100 with every claim priced', async () => {
    const last = seen[seen.length - 1];
    expect(last).toMatchObject({ id: runId, status: 'computed', percent: 100 });
    const run = await t.http.get(`/fee-runs/${runId}`).set('authorization', token).expect(200);
    expect(last.processedClaims).toBe(run.body.lineCount);
    expect(last.totalClaims).toBe(run.body.lineCount + run.body.skippedCount);
    expect(last.totalClaims).toBeGreaterThanOrEqual(CLAIMS);
    // Seen part-way, and never going back.
    expect(seen.some((p) => p.status === 'running' && p.percent > 0 && p.percent < 100)).toBe(true);
    const percents = seen.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  });

  it('filters the lines by task type, payee and cost centre', async () => {
    const all = await t.http
      .get(`/fee-runs/${runId}/lines`)
      .query({ limit: 100 })
      .set('authorization', token)
      .expect(200);
    const lectures = await t.http
      .get(`/fee-runs/${runId}/lines`)
      .query({ limit: 100, taskType: 'lecture' })
      .set('authorization', token)
      .expect(200);
    expect(lectures.body.total).toBeGreaterThan(0);
    expect(lectures.body.total).toBeLessThan(all.body.total);
    expect(lectures.body.items.every((l: { taskType: string }) => l.taskType === 'lecture')).toBe(true);
    const centre = all.body.items[0].costCentre as string;
    const ofCentre = await t.http
      .get(`/fee-runs/${runId}/lines`)
      .query({ limit: 100, costCentre: centre })
      .set('authorization', token)
      .expect(200);
    expect(ofCentre.body.total).toBe(
      all.body.items.filter((l: { costCentre: string }) => l.costCentre === centre).length,
    );
    const associations = await t.http
      .get(`/fee-runs/${runId}/lines`)
      .query({ payeeKind: 'association' })
      .set('authorization', token)
      .expect(200);
    expect(associations.body.total).toBe(0);
    const bad = await t.http
      .get(`/fee-runs/${runId}/lines`)
      .query({ taskType: 'sauna' })
      .set('authorization', token)
      .expect(400);
    expect(bad.body.errors[0].field).toBe('taskType');
  });
});
