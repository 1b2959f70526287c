import { Role } from '../src/common/auth/role.enum';
import { JobName, QUEUE_OF } from '../src/common/jobs/job-names';
import { JobQueue } from '../src/common/jobs/job-queue.service';
import { AppConfig } from '../src/config/app-config';
import { costSums, payeeTerms, priceClaim } from '../src/modules/fees/money/claim-pricing.rule';
import { DEFAULT_FEE_RATES, DEFAULT_TRAVEL_RATES } from '../src/modules/fees/money/fee-arithmetic.rule';
import { computeJobId } from '../src/modules/fees/fee-runs/fee-run-queue.service';
import { createExpert } from './factories/experts.factory';
import { seedApprovedClaims, setPaymentDetails, settleOpenFeeRuns } from './factories/fees.factory';
import { createUnit } from './factories/organisations.factory';
import { createUser, login } from './factories/users.factory';
import { createTestApp, TestApp } from './utils/test-app';
import { RedisServer } from './utils/redis-server';
import { WorkerProcess } from './utils/worker-process';

jest.setTimeout(180_000);

// Small batches, each held open a little, so that a run of 60 claims takes a dozen transactions and a
// couple of seconds: long enough to be killed or to lose Redis in the middle.
const CLAIMS = 60;
const WORKER_ENV = { FEE_RUN_BATCH_SIZE: '5', FEE_RUN_BATCH_DELAY_MS: '150', FEE_RUN_RECOVERY_MS: '1000' };
const TOTALS = ['lineCount', 'grossFeeCents', 'travelAndCostsCents', 'withholdingCents', 'netCents'] as const;
type Totals = Record<(typeof TOTALS)[number], number>;

describe('fee runs survive crashes and Redis restarts (the worker in its own process)', () => {
  let t: TestApp;
  // Restarted by the tests below: a Redis of this spec's own, never the machine's.
  let redis: RedisServer;
  let prefix: string;
  let coordinator: string;
  let creator: string;
  let expertIds: string[];
  let organisationIds: string[];
  const workers: WorkerProcess[] = [];
  let month = 0;
  let cleanTotals: Totals;

  beforeAll(async () => {
    redis = await RedisServer.start();
    // No in-process workers: every job is done by the worker processes this spec starts and kills.
    t = await createTestApp({ runWorkers: false, env: { REDIS_URL: redis.url } });
    prefix = t.app.get(AppConfig).env.QUEUE_PREFIX;
    await settleOpenFeeRuns(t.db);
    // Leftovers of an aborted earlier run of this spec would join the runs below.
    await t.db.query(
      `UPDATE claims SET status = 'submitted', decided_by = NULL, decided_at = NULL WHERE status = 'approved' AND work_date < '2026-01-01'`,
    );
    const c = await createUser(t.db, Role.Coordinator);
    coordinator = await login(t.http, c);
    creator = (await createUser(t.db, Role.Orderer)).id;
    organisationIds = [(await createUnit(t.db)).id, (await createUnit(t.db)).id, (await createUnit(t.db)).id];
    // One of each kind of payee: tax card, no tax card, last year's card, an association, a volunteer.
    const experts = await Promise.all([1, 2, 3, 4, 5].map((n) => createExpert(t.db, { name: `Asiantuntija ${n}` })));
    expertIds = experts.map((e) => e.id);
    await setPaymentDetails(t.db, expertIds[0], { taxPercent: 12.5, taxCardYear: 2026 });
    await setPaymentDetails(t.db, expertIds[1], { taxPercent: null });
    await setPaymentDetails(t.db, expertIds[2], { taxPercent: 20, taxCardYear: 2025 });
    await setPaymentDetails(t.db, expertIds[3], { payee: 'association' });
    await setPaymentDetails(t.db, expertIds[4], { declinesFee: true });
  });

  afterAll(async () => {
    for (const w of workers) await w.kill();
    await t?.close();
    await redis?.stop();
  });

  const as = (method: 'get' | 'post', path: string, body?: object) =>
    t.http[method](path).set('authorization', `Bearer ${coordinator}`).send(body);

  async function worker(): Promise<WorkerProcess> {
    const w = await WorkerProcess.start({ ...WORKER_ENV, QUEUE_PREFIX: prefix, REDIS_URL: redis.url });
    workers.push(w);
    return w;
  }

  async function until<T>(
    read: () => Promise<T>,
    done: (v: T) => boolean,
    what: string,
    timeoutMs = 90_000,
  ): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > end)
        throw new Error(
          `Timed out waiting for ${what}; last: ${JSON.stringify(value)}\n${workers.map((w) => w.log()).join('\n---\n')}`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const run = async (id: string) => (await as('get', `/fee-runs/${id}`)).body;
  const lines = async (id: string): Promise<number> =>
    (await t.db.query(`SELECT count(*)::int AS n FROM fee_run_lines WHERE run_id = $1`, [id]))[0].n;

  // A new month of 2025 for each scenario: the i-th claim of every seed prices the same.
  async function seed(): Promise<void> {
    month += 1;
    await seedApprovedClaims(t.db, {
      count: CLAIMS,
      expertIds,
      organisationIds,
      createdBy: creator,
      decidedBy: creator,
      firstDay: `2025-${String(month).padStart(2, '0')}-01`,
      days: 28,
    });
  }

  async function start(): Promise<string> {
    const res = await as('post', '/fee-runs', { upTo: '2025-12-31' }).expect(202);
    return res.body.id;
  }

  const computed = (id: string) =>
    until(
      () => run(id),
      (r) => r.status === 'computed' || r.status === 'failed',
      `run ${id} to be computed`,
    );

  function totals(r: Totals): Totals {
    return Object.fromEntries(TOTALS.map((k) => [k, r[k]])) as Totals;
  }

  // No claim on two lines, every claim of the run on one, and the lines add up to the run's totals.
  async function expectConsistent(id: string): Promise<void> {
    const [check] = await t.db.query(
      `SELECT count(*)::int AS lines, count(DISTINCT claim_id)::int AS claims, COALESCE(sum(net_cents), 0)::int AS net
         FROM fee_run_lines WHERE run_id = $1`,
      [id],
    );
    const r = await run(id);
    expect(check).toEqual({ lines: CLAIMS, claims: CLAIMS, net: r.netCents });
  }

  // Approve and export, so the next scenario may start a run; every claim of the run ends paid.
  async function finish(id: string): Promise<void> {
    await as('post', `/fee-runs/${id}/approve`).expect(200);
    await as('post', `/fee-runs/${id}/export`).expect(202);
    await until(
      () => run(id),
      (r) => r.status === 'exported',
      `run ${id} to be exported`,
    );
    const [{ paid }] = await t.db.query(
      `SELECT count(*)::int AS paid FROM claims WHERE paid_run_id = $1 AND status = 'paid'`,
      [id],
    );
    expect(paid).toBe(CLAIMS);
  }

  it('computes a clean run to the totals the arithmetic gives', async () => {
    const w = await worker();
    await seed();
    const id = await start();
    const clean = await computed(id);
    expect(clean).toMatchObject({ status: 'computed', executions: 1, lineCount: CLAIMS, skippedCount: 0 });
    await expectConsistent(id);

    // The same claims priced one by one by the pure arithmetic, with the payee terms of the run's year.
    const claims = await t.db.query(
      `SELECT c.work_date::text AS "workDate", c.worked_minutes AS "workedMinutes", c.preparation_minutes AS "preparationMinutes",
              c.late_cancellation AS "lateCancellation", c.trips, r.task_type AS "taskType", pd.payee, pd.declines_fee AS "declinesFee",
              pd.tax_percent AS "taxPercent", pd.tax_card_year AS "taxCardYear"
         FROM fee_run_lines l JOIN claims c ON c.id = l.claim_id JOIN assignments a ON a.id = c.assignment_id
         JOIN booking_requests r ON r.id = a.request_id JOIN expert_payment_details pd ON pd.expert_id = c.expert_id
        WHERE l.run_id = $1`,
      [id],
    );
    const expected = claims
      .map((c: Parameters<typeof priceClaim>[0] & Parameters<typeof payeeTerms>[0]) =>
        priceClaim(
          { ...c, ...costSums([]) },
          payeeTerms(c, new Date().getFullYear()),
          DEFAULT_FEE_RATES,
          DEFAULT_TRAVEL_RATES,
        ),
      )
      .reduce(
        (s: Totals, l: ReturnType<typeof priceClaim>) => ({
          lineCount: s.lineCount + 1,
          grossFeeCents: s.grossFeeCents + l.grossFeeCents,
          travelAndCostsCents: s.travelAndCostsCents + l.travelAndCostsCents,
          withholdingCents: s.withholdingCents + l.withholdingCents,
          netCents: s.netCents + l.netPayableCents,
        }),
        { lineCount: 0, grossFeeCents: 0, travelAndCostsCents: 0, withholdingCents: 0, netCents: 0 },
      );
    cleanTotals = totals(clean);
    expect(cleanTotals).toEqual(expected);
    expect(cleanTotals.withholdingCents).toBeGreaterThan(0);
    await finish(id);
    await w.kill();
  });

  it('resumes a run whose worker was killed (SIGKILL) half-way: the same totals, no line twice', async () => {
    const first = await worker();
    await seed();
    const id = await start();
    await until(
      () => lines(id),
      (n) => n >= 15,
      'a few batches',
    );
    await first.kill();
    const atKill = await lines(id);
    expect(atKill).toBeGreaterThanOrEqual(15);
    expect(atKill).toBeLessThan(CLAIMS);
    expect((await run(id)).status).toBe('running');

    const second = await worker();
    const resumed = await computed(id);
    expect(resumed.status).toBe('computed');
    expect(resumed.executions).toBeGreaterThanOrEqual(2);
    expect(totals(resumed)).toEqual(cleanTotals);
    await expectConsistent(id);
    await finish(id);
    await second.kill();
  });

  it('completes a run while Redis restarts under it and loses every queue', async () => {
    const w = await worker();
    await seed();
    const id = await start();
    await until(
      () => lines(id),
      (n) => n >= 10,
      'a few batches',
    );
    await redis.restart();
    expect(await lines(id)).toBeLessThan(CLAIMS);
    const done = await computed(id);
    expect(done.status).toBe('computed');
    expect(totals(done)).toEqual(cleanTotals);
    await expectConsistent(id);
    await finish(id);
    await w.kill();
  });

  it('re-queues a run whose job Redis lost before any worker took it', async () => {
    await seed();
    const id = await start();
    const queue = t.app.get(JobQueue).queue(QUEUE_OF[JobName.ComputeFeeRun]);
    // The API's Redis client fails fast while it reconnects; ask until it answers.
    const jobState = () =>
      until(
        () =>
          queue.getJob(computeJobId(id)).then(
            (job) => ({ answered: true, state: job ? job.getState() : 'missing' }),
            () => ({ answered: false, state: null }),
          ),
        (v) => v.answered,
        'Redis to answer',
      ).then((v) => v.state);
    expect(await jobState()).toBe('waiting');
    await redis.restart();
    expect(await jobState()).toBe('missing');

    const w = await worker();
    const done = await computed(id);
    expect(done).toMatchObject({ status: 'computed', executions: 1 });
    expect(totals(done)).toEqual(cleanTotals);
    await expectConsistent(id);
    await finish(id);
    await w.kill();
  });

  it('executes a run once however often its job is queued', async () => {
    const w = await worker();
    await seed();
    const id = await start();
    const jobs = t.app.get(JobQueue);
    await Promise.all(
      [1, 2, 3].map(() => jobs.enqueue(JobName.ComputeFeeRun, { runId: id }, { jobId: computeJobId(id) })),
    );
    const done = await computed(id);
    expect(done).toMatchObject({ status: 'computed', executions: 1 });
    expect(totals(done)).toEqual(cleanTotals);
    const queue = jobs.queue(QUEUE_OF[JobName.ComputeFeeRun]);
    const queued = await queue.getJobs(['completed', 'failed', 'waiting', 'active', 'delayed']);
    const ours = queued.filter((j) => j.name === JobName.ComputeFeeRun && j.data.runId === id);
    expect(ours).toHaveLength(1);
    // Ids only in Redis: no names, amounts or bank details.
    expect(ours[0].data).toEqual({ runId: id });
    await expectConsistent(id);
    await finish(id);
    await w.kill();
  });
});
