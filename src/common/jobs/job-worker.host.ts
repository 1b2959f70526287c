import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Job, WaitingError, Worker, WorkerOptions } from 'bullmq';
import IORedis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { JobName, QUEUE_OF, QueueName } from './job-names';
import { JOB_HANDLER } from './on-job.decorator';
import { createPostgresWorker, JobProcessor, JobsWorker } from './postgres-queues';
import { createRedis } from './redis-connection';

// The signal is aborted when the process stops: a long handler returns (or throws) at its next safe point, and
// the job goes back to its queue without using up an attempt.
type Handler = (payload: unknown, job: Job, signal: AbortSignal) => Promise<unknown>;

export const STOPPING = 'The worker is stopping';
// After the running jobs, the queue connections get this long to close cleanly before they are dropped.
const CLOSE_TIMEOUT_MS = 1000;

interface RunningJob {
  queue: QueueName;
  name: string;
  id?: string;
}

export const QUEUE_CONCURRENCY: Record<QueueName, number> = {
  [QueueName.Mail]: 4,
  [QueueName.Booking]: 4,
  // Rendering a contract PDF is CPU work on the worker's event loop: two at a time keep the other queues moving.
  [QueueName.Contracts]: 2,
  [QueueName.Fees]: 1,
  // Daily housekeeping, one job at a time.
  [QueueName.Privacy]: 1,
};

// Fee runs are long jobs that must resume soon after a worker dies: a short lock is noticed stalled
// within seconds, and a run may stall (its worker killed) several times before BullMQ gives up on it.
export const QUEUE_WORKER_OPTIONS: Partial<Record<QueueName, Partial<WorkerOptions>>> = {
  [QueueName.Fees]: { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 10 },
};

// Runs only in the worker process (or the single-process modes): finds the @OnJob handlers and
// starts one BullMQ worker per queue. Refuses to boot unless every JobName has exactly one handler.
@Injectable()
export class JobWorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly workers: JobsWorker[] = [];
  private readonly running = new Set<RunningJob>();
  private connection?: IORedis;
  private stopping = false;
  // Jobs the process let go of while they still ran: the exit code says so.
  private abandoned: RunningJob[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  handlers(): Map<JobName, Handler> {
    const found = new Map<JobName, Handler[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const name = this.reflector.get<JobName | undefined>(JOB_HANDLER, fn as () => unknown);
        if (!name) continue;
        found.set(name, [...(found.get(name) ?? []), (fn as Handler).bind(instance)]);
      }
    }
    const result = new Map<JobName, Handler>();
    for (const name of Object.values(JobName)) {
      const list = found.get(name) ?? [];
      if (list.length !== 1) throw new Error(`Job ${name} has ${list.length} handlers; it needs exactly one`);
      result.set(name, list[0]);
    }
    return result;
  }

  async onApplicationBootstrap(): Promise<void> {
    const handlers = this.handlers();
    for (const queueName of Object.values(QueueName)) {
      const processor: JobProcessor = async (job, token, signal) => {
        const handler = handlers.get(job.name as JobName);
        if (!handler || QUEUE_OF[job.name as JobName] !== queueName) throw new Error(`No handler for ${job.name}`);
        const running: RunningJob = { queue: queueName, name: job.name, id: job.id };
        this.running.add(running);
        try {
          // A job fetched just before the stop began is given back untouched.
          if (this.stopping) throw new Error(STOPPING);
          return await handler(job.data, job, signal ?? new AbortController().signal);
        } catch (error) {
          if (!this.stopping) throw error;
          // Whatever the handler threw once the stop began (it stopped at a safe point, or its database went
          // away): the job goes back to wait as it is, without counting an attempt. Its handler resumes
          // from what PostgreSQL holds.
          await job.moveToWait(token);
          this.logger.log(
            { queue: queueName, job: job.name, jobId: job.id },
            'Job given back to its queue: the worker is stopping',
          );
          throw new WaitingError();
        } finally {
          this.running.delete(running);
        }
      };
      const worker = this.createWorker(queueName, processor);
      worker.on('failed', (job, err) =>
        this.logger.warn({ queue: queueName, job: job?.name, jobId: job?.id, err: err.message }, 'Job failed'),
      );
      worker.on('error', (err) => this.logger.error({ queue: queueName, err: err.message }, 'Worker error'));
      this.workers.push(worker);
    }
    this.logger.log(`Workers started for queues: ${Object.values(QueueName).join(', ')}`);
  }

  // Redis, or BullMQ's PostgreSQL backend in the app's own database when embedded.
  private createWorker(queueName: QueueName, processor: JobProcessor): JobsWorker {
    const env = this.config.env;
    if (env.KOKEMUS_EMBEDDED)
      return createPostgresWorker(queueName, processor, env.DATABASE_URL, QUEUE_CONCURRENCY[queueName]);
    this.connection ??= createRedis(env.REDIS_URL, true);
    return new Worker(queueName, processor, {
      connection: this.connection,
      prefix: env.QUEUE_PREFIX,
      concurrency: QUEUE_CONCURRENCY[queueName],
      ...QUEUE_WORKER_OPTIONS[queueName],
    });
  }

  // True when the stop let go of jobs that were still running (they stay active in their queue until the
  // stalled-job check of a running worker gives them back).
  get cutOff(): boolean {
    return this.abandoned.length > 0;
  }

  // Before the database closes (TypeORM closes it on application shutdown): stop fetching jobs, ask the running
  // ones to stop at their next safe point, and wait for them at most SHUTDOWN_GRACE_MS. Whatever is then still
  // running, or a connection that cannot close (Redis is down), is let go of and logged: a stop never waits on
  // Redis for good.
  async beforeApplicationShutdown(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    const closing = this.workers.map((w) =>
      w.close().catch((err: Error) => this.logger.warn({ err: err.message }, 'Closing a queue worker failed')),
    );
    for (const w of this.workers) w.cancelAllJobs(STOPPING);
    const settled = await until(() => this.running.size === 0, this.config.env.SHUTDOWN_GRACE_MS);
    if (!settled) {
      this.abandoned = [...this.running];
      this.logger.warn(
        {
          abandoned: this.abandoned.map((j) => ({ queue: j.queue, job: j.name, jobId: j.id })),
          graceMs: this.config.env.SHUTDOWN_GRACE_MS,
        },
        'Stopped without these jobs finishing: they stay active in their queue until a running worker finds them stalled and takes them again',
      );
    }
    const closed = await within(Promise.all(closing), CLOSE_TIMEOUT_MS);
    if (!closed) {
      this.logger.warn('The queue connections did not close in time (is Redis down?): dropped');
      for (const w of this.workers) void w.disconnect().catch(() => undefined);
    }
    this.connection?.disconnect();
  }
}

async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() >= end) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}
