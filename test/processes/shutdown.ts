import { apiPath } from '../utils/api-agent';
import request from 'supertest';
import { JobName, QUEUE_OF } from '../../src/common/jobs/job-names';
import { JobQueue } from '../../src/common/jobs/job-queue.service';
import { computeJobId, exportJobId } from '../../src/modules/fees/fee-runs/fee-run-queue.service';
import { CLAIMS, feeRunPayees, poller, runLines, settleFeeRuns, totals, Totals, WORKER_ENV } from '../utils/fee-runs';
import { RedisServer } from '../utils/redis-server';
import { createTestApp, TestApp } from '../utils/test-app';
import { ApiProcess, AppProcess, Exit, WorkerProcess } from '../utils/worker-process';

// What an orchestrator allows a process between SIGTERM and SIGKILL here; Kubernetes' default is 30 s.
const STOP_WITHIN_MS = 10_000;
// A pause after each statement of an export, long enough to be stopped in the middle.
const SLOW_EXPORT = { ...WORKER_ENV, FEE_RUN_BATCH_DELAY_MS: '700' };
interface Attempts {
  compute: number;
  export: number;
}

describe('stopping the worker and the API (SIGTERM), with Redis up or down', () => {
  let t: TestApp;
  // Stopped by the tests below: a Redis of this spec's own, never the machine's.
  let redis: RedisServer;
  let env: Record<string, string>;
  let coordinator: string;
  let seed: () => Promise<void>;
  const processes: AppProcess[] = [];
  // An undisturbed run: what every disturbed one must come to.
  let clean: { totals: Totals; attempts: Attempts };
  // The first test's worker, started with the test app.
  let undisturbed: WorkerProcess;

  beforeAll(async () => {
    redis = await RedisServer.start();
    // The spec's prefix (test-env.ts) on its own Redis: the first test's worker boots while the test app does (a
    // start takes seconds), and runs nothing until that test starts a run.
    env = { QUEUE_PREFIX: process.env.QUEUE_PREFIX!, REDIS_URL: redis.url };
    const starting = worker();
    // No in-process workers: every job is done by the worker processes this spec starts and stops.
    t = await createTestApp({ runWorkers: false, env });
    await settleFeeRuns(t);
    ({ coordinator, seed } = await feeRunPayees(t, 2));
    undisturbed = await starting;
  });

  // A test that failed half-way leaves no process, no Redis down and no open run to the next.
  afterEach(async () => {
    for (const p of processes.splice(0)) await p.kill();
    await redis.up();
    // No open run and no approved claim left over to join the next test's runs.
    await settleFeeRuns(t);
  });

  afterAll(async () => {
    await t?.close();
    await redis?.stop();
  });

  const logs = () => processes.map((p) => p.log()).join('\n---\n');

  async function worker(extra: Record<string, string> = WORKER_ENV): Promise<WorkerProcess> {
    const w = await WorkerProcess.start({ ...extra, ...env });
    processes.push(w);
    return w;
  }

  async function api(): Promise<ApiProcess> {
    const a = await ApiProcess.start(env);
    processes.push(a);
    return a;
  }

  const until = poller(logs);

  // The process exits by itself, soon, and says whether it cut work off.
  async function expectStopped(p: AppProcess, code: 0 | 1, before?: () => Promise<void>): Promise<Exit> {
    await before?.();
    const exit = await p.terminate();
    expect({ exit, log: p.log() }).toMatchObject({ exit: { code, signal: null } });
    expect(exit.ms).toBeLessThan(STOP_WITHIN_MS);
    return exit;
  }

  const as = (method: 'get' | 'post', path: string, base: string | null = null) =>
    (base ? request(base)[method](apiPath(path)) : t.http[method](path)).set('authorization', `Bearer ${coordinator}`);
  const run = async (id: string, base: string | null = null) => (await as('get', `/fee-runs/${id}`, base)).body;
  const lines = (id: string) => runLines(t, id);
  const queue = () => t.app.get(JobQueue).queue(QUEUE_OF[JobName.ComputeFeeRun]);
  // The attempts are read after the state: a job read first and its state then could pair "completed" with the
  // 0 attempts of the moment before (BullMQ marks it completed and counts the attempt in one step, after our read).
  const job = async (jobId: string) => {
    const found = await queue().getJob(jobId);
    if (!found) return { state: 'missing', attemptsMade: null };
    const state = await found.getState();
    return { state, attemptsMade: (await queue().getJob(jobId))?.attemptsMade ?? null };
  };
  // The attempts of a run's jobs once BullMQ has finished them. The run's status commits inside the job, a moment
  // before the worker marks the job completed and counts the attempt: read in between, on a loaded machine, an
  // exported run's export job still said 0 attempts.
  async function attempts(id: string): Promise<Attempts> {
    const finished = (jobId: string) =>
      until(
        () => job(jobId),
        (j) => j.state === 'completed',
        `job ${jobId} to be completed`,
      );
    const [compute, exported] = await Promise.all([finished(computeJobId(id)), finished(exportJobId(id))]);
    return { compute: compute.attemptsMade!, export: exported.attemptsMade! };
  }

  async function start(base: string | null = null): Promise<string> {
    await seed();
    return (await as('post', '/fee-runs', base).send({ upTo: '2025-12-31' }).expect(202)).body.id;
  }

  const computed = (id: string, base: string | null = null) =>
    until(
      () => run(id, base),
      (r) => r.status === 'computed' || r.status === 'failed',
      `run ${id} to be computed`,
    );

  async function requestExport(id: string, base: string | null = null): Promise<void> {
    await as('post', `/fee-runs/${id}/approve`, base).expect(200);
    await as('post', `/fee-runs/${id}/export`, base).expect(202);
  }

  // Every claim of the run on exactly one line, the lines adding up to the run, and every claim paid.
  async function expectExported(id: string, base: string | null = null): Promise<Totals> {
    const r = await until(
      () => run(id, base),
      (v) => v.status === 'exported',
      `run ${id} to be exported`,
    );
    const [check] = await t.db.query(
      `SELECT count(*)::int AS lines, count(DISTINCT claim_id)::int AS claims, COALESCE(sum(net_cents), 0)::int AS net,
              (SELECT count(*)::int FROM claims WHERE paid_run_id = $1 AND status = 'paid') AS paid
         FROM fee_run_lines WHERE run_id = $1`,
      [id],
    );
    expect(check).toEqual({ lines: CLAIMS, claims: CLAIMS, net: r.netCents, paid: CLAIMS });
    return totals(r);
  }

  it('computes and exports an undisturbed run, the measure of the others', async () => {
    const w = undisturbed;
    const id = await start();
    expect(await computed(id)).toMatchObject({ status: 'computed', executions: 1 });
    await requestExport(id);
    clean = { totals: await expectExported(id), attempts: await attempts(id) };
    expect(clean.totals.lineCount).toBe(CLAIMS);
    await expectStopped(w, 0);
  });

  it('stops an idle worker, one mid-run and one mid-export within 10 s; the run resumes with the same totals and attempts', async () => {
    // The idle one and the one stopped mid-run start together (a start takes seconds); no run is open yet.
    const [idle, first] = await Promise.all([worker(), worker()]);
    await expectStopped(idle, 0);

    // Mid-run: the batch under way commits, the job goes back to wait without using up an attempt.
    const id = await start();
    await until(
      () => lines(id),
      (n) => n >= 10,
      'a few batches',
    );
    await expectStopped(first, 0);
    const atStop = await lines(id);
    expect(atStop).toBeLessThan(CLAIMS);
    expect(atStop % 5).toBe(0);
    expect(await run(id)).toMatchObject({ status: 'running' });
    expect(await job(computeJobId(id))).toEqual({ state: 'waiting', attemptsMade: 0 });
    expect(first.printed('Job given back to its queue')).toBe(true);

    const second = await worker();
    expect(totals(await computed(id))).toEqual(clean.totals);
    await expectStopped(second, 0);

    // Mid-export: the export's one transaction rolls back, the job goes back to wait.
    await requestExport(id);
    const third = await worker(SLOW_EXPORT);
    await until(
      () => job(exportJobId(id)),
      (j) => j.state === 'active',
      'the export to start',
    );
    await new Promise((r) => setTimeout(r, 300));
    await expectStopped(third, 0);
    expect(await run(id)).toMatchObject({ status: 'approved' });
    expect(await job(exportJobId(id))).toEqual({ state: 'waiting', attemptsMade: 0 });
    const [{ paid }] = await t.db.query(`SELECT count(*)::int AS paid FROM claims WHERE paid_run_id = $1`, [id]);
    expect(paid).toBe(0);

    const fourth = await worker();
    expect(await expectExported(id)).toEqual(clean.totals);
    expect(await attempts(id)).toEqual(clean.attempts);
    await expectStopped(fourth, 0);
  });

  it('stops within 10 s a worker whose Redis is down, idle or mid-run; the run completes once Redis is back', async () => {
    const idle = await worker();
    await redis.down();
    await new Promise((r) => setTimeout(r, 1500));
    // Nothing was running: a clean stop, though the connections to Redis had to be dropped.
    await expectStopped(idle, 0);
    await redis.up();

    const busy = await worker();
    const id = await start();
    await until(
      () => lines(id),
      (n) => n >= 10,
      'a few batches',
    );
    await redis.down();
    await new Promise((r) => setTimeout(r, 1000));
    // The job could not be given back: the exit code says work was cut off.
    await expectStopped(busy, 1);
    expect(busy.printed('Stopped without these jobs finishing')).toBe(true);
    expect(await lines(id)).toBeLessThan(CLAIMS);

    // Redis comes back empty; the worker re-queues the run from what PostgreSQL holds.
    await redis.up();
    const next = await worker();
    expect(totals(await computed(id))).toEqual(clean.totals);
    await requestExport(id);
    expect(await expectExported(id)).toEqual(clean.totals);
    expect(await attempts(id)).toEqual(clean.attempts);
    await expectStopped(next, 0);
  });

  it('stops an idle API and one serving a run within 10 s; the run completes with the same totals and attempts', async () => {
    // The processes start two at a time (a start takes seconds, mostly on one core); the idle API is stopped before
    // the run, the second API serves it once the first is stopped.
    const [idle, w] = await Promise.all([api(), worker()]);
    await expectStopped(idle, 0);
    const [first, second] = await Promise.all([api(), api()]);

    const id = await start(first.baseUrl);
    await until(
      () => lines(id),
      (n) => n >= 10,
      'a few batches',
    );
    await expectStopped(first, 0);

    expect(totals(await computed(id, second.baseUrl))).toEqual(clean.totals);
    await requestExport(id, second.baseUrl);
    expect(await expectExported(id, second.baseUrl)).toEqual(clean.totals);
    expect(await attempts(id)).toEqual(clean.attempts);
    await expectStopped(second, 0);
    await expectStopped(w, 0);
  });

  it('stops within 10 s an API whose Redis is down', async () => {
    const a = await api();
    await redis.down();
    await new Promise((r) => setTimeout(r, 1500));
    try {
      await expectStopped(a, 0);
    } finally {
      await redis.up();
    }
  });
});
