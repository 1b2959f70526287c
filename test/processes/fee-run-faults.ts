import { JobName, QUEUE_OF } from '../../src/common/jobs/job-names';
import { JobQueue } from '../../src/common/jobs/job-queue.service';
import { costSums, payeeTerms, priceClaim } from '../../src/modules/fees/money/claim-pricing.rule';
import { DEFAULT_FEE_RATES, DEFAULT_TRAVEL_RATES } from '../../src/modules/fees/money/fee-arithmetic.rule';
import { computeJobId } from '../../src/modules/fees/fee-runs/fee-run-queue.service';
import { CLAIMS, feeRunPayees, poller, runLines, settleFeeRuns, totals, Totals, WORKER_ENV } from '../utils/fee-runs';
import { createTestApp, TestApp } from '../utils/test-app';
import { asUser } from '../utils/as-user';
import { RedisServer } from '../utils/redis-server';
import { WorkerProcess } from '../utils/worker-process';

describe('fee runs survive crashes and Redis restarts (the worker in its own process)', () => {
  let t: TestApp;
  // Restarted by the tests below: a Redis of this spec's own, never the machine's.
  let redis: RedisServer;
  let prefix: string;
  let coordinator: string;
  let seed: () => Promise<void>;
  const workers: WorkerProcess[] = [];
  let cleanTotals: Totals;
  // The worker an earlier test left running: a test that needs a running worker, but not a new one, takes it over,
  // as starting a process costs seconds.
  let current: WorkerProcess | undefined;

  beforeAll(async () => {
    redis = await RedisServer.start();
    // The spec's prefix (test-env.ts) on its own Redis: the first worker boots while the test app does (a start takes
    // seconds), and runs nothing until the first test starts a run.
    prefix = process.env.QUEUE_PREFIX!;
    const first = worker();
    // No in-process workers: every job is done by the worker processes this spec starts and kills.
    t = await createTestApp({ runWorkers: false, env: { REDIS_URL: redis.url, QUEUE_PREFIX: prefix } });
    // Leftovers of an aborted earlier run of this spec would join the runs below.
    await settleFeeRuns(t);
    ({ coordinator, seed } = await feeRunPayees(t, 3));
    await first;
  });

  afterAll(async () => {
    for (const w of workers) await w.kill();
    await t?.close();
    await redis?.stop();
  });

  const as = asUser(() => t.http);

  async function worker(): Promise<WorkerProcess> {
    if (current?.running) return current;
    current = await WorkerProcess.start({ ...WORKER_ENV, QUEUE_PREFIX: prefix, REDIS_URL: redis.url });
    workers.push(current);
    return current;
  }

  // No worker running (SIGKILL, as a crash would).
  async function noWorker(): Promise<void> {
    for (const w of workers) await w.kill();
  }

  const until = poller(() => workers.map((w) => w.log()).join('\n---\n'));
  const run = async (id: string) => (await as(coordinator).get(`/fee-runs/${id}`)).body;
  const lines = (id: string) => runLines(t, id);

  async function start(): Promise<string> {
    const res = await as(coordinator).post('/fee-runs', { upTo: '2025-12-31' }).expect(202);
    return res.body.id;
  }

  const computed = (id: string) =>
    until(
      () => run(id),
      (r) => r.status === 'computed' || r.status === 'failed',
      `run ${id} to be computed`,
    );

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
    await as(coordinator).post(`/fee-runs/${id}/approve`).expect(200);
    await as(coordinator).post(`/fee-runs/${id}/export`).expect(202);
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
    await worker();
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

    // A new worker: the killed one's job is found stalled once its lock expires, and taken again.
    await worker();
    const resumed = await computed(id);
    expect(resumed.status).toBe('computed');
    expect(resumed.executions).toBeGreaterThanOrEqual(2);
    expect(totals(resumed)).toEqual(cleanTotals);
    await expectConsistent(id);
    await finish(id);
  });

  it('completes a run while Redis restarts under it and loses every queue', async () => {
    await worker();
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
  });

  it('re-queues a run whose job Redis lost before any worker took it', async () => {
    await noWorker();
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

    await worker();
    const done = await computed(id);
    expect(done).toMatchObject({ status: 'computed', executions: 1 });
    expect(totals(done)).toEqual(cleanTotals);
    await expectConsistent(id);
    await finish(id);
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
