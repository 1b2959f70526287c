import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Job, Worker, WorkerOptions } from 'bullmq';
import IORedis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { JobName, QUEUE_OF, QueueName } from './job-names';
import { JOB_HANDLER } from './on-job.decorator';
import { createPostgresWorker, JobProcessor, JobsWorker } from './postgres-queues';
import { createRedis } from './redis-connection';

type Handler = (payload: unknown, job: Job) => Promise<unknown>;

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
export class JobWorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly workers: JobsWorker[] = [];
  private connection?: IORedis;

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
      const processor = async (job: Job) => {
        const handler = handlers.get(job.name as JobName);
        if (!handler || QUEUE_OF[job.name as JobName] !== queueName) throw new Error(`No handler for ${job.name}`);
        return handler(job.data, job);
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
    if (env.KOKEMUS_EMBEDDED) return createPostgresWorker(queueName, processor, env.DATABASE_URL, QUEUE_CONCURRENCY[queueName]);
    this.connection ??= createRedis(env.REDIS_URL, true);
    return new Worker(queueName, processor, {
      connection: this.connection,
      prefix: env.QUEUE_PREFIX,
      concurrency: QUEUE_CONCURRENCY[queueName],
      ...QUEUE_WORKER_OPTIONS[queueName],
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.connection?.disconnect();
  }
}
