import { once } from 'node:events';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import IORedis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { COUNTY_ZONE } from '../i18n/format';
import { JobName, JobPayloads, QUEUE_OF, QueueName } from './job-names';
import { createPostgresQueue, JobsQueue } from './postgres-queues';
import { createRedis } from './redis-connection';

export interface EnqueueOptions {
  // Deterministic ids make enqueueing idempotent: the same id is queued once.
  jobId?: string;
  delayMs?: number;
  attempts?: number;
}

const CLOSE_TIMEOUT_MS = 1000;
// How long a starting process waits for Redis before it serves anyway (what it queues then waits for the sweeps).
const CONNECT_WAIT_MS = 2000;
// While Redis is away every reconnect attempt fails: one line per this long says enough.
const ERROR_LOG_INTERVAL_MS = 30_000;

const DEFAULTS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
};

@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private connection?: IORedis;
  private readonly queues = new Map<QueueName, JobsQueue>();
  private readonly logger = new Logger('Queues');
  private lastErrorLoggedAt = 0;
  private started?: Promise<void>;

  constructor(private readonly config: AppConfig) {}

  // Connected before the first request: a queue first used while Redis is away would wait for it to come back
  // (BullMQ waits for the connection to be ready before its first command), and so would the request. Once per
  // process, however many wait for it (the scheduler does).
  onApplicationBootstrap(): Promise<void> {
    return (this.started ??= this.connect());
  }

  private async connect(): Promise<void> {
    if (this.backend !== 'redis') return;
    const connection = this.redis();
    if (isReady(connection)) return;
    // Given up on the first connection error, or after the wait.
    await once(connection, 'ready', { signal: AbortSignal.timeout(CONNECT_WAIT_MS) }).catch(() => undefined);
    if (!isReady(connection)) this.logger.warn({ status: connection.status }, 'Redis not reachable at start');
  }

  // Fails at once while Redis is away (see reachable).
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
    const queue = this.reachable(QUEUE_OF[name]);
    await queue.add(name, payload, {
      ...DEFAULTS,
      ...(options.attempts ? { attempts: options.attempts } : {}),
      ...(options.jobId ? { jobId: options.jobId } : {}),
      ...(options.delayMs ? { delay: options.delayMs } : {}),
    });
  }

  async every<N extends JobName>(name: N, payload: JobPayloads[N], everyMs: number): Promise<void> {
    await this.reachable(QUEUE_OF[name]).upsertJobScheduler(name, { every: everyMs }, { name, data: payload });
  }

  // Once a day at the given hour, county time. The scheduler's id is the job name, so every process upserts the
  // same one, and each run's job id is derived from it and the due time: two workers never run one day twice.
  async daily<N extends JobName>(name: N, payload: JobPayloads[N], hour: number): Promise<void> {
    await this.reachable(QUEUE_OF[name]).upsertJobScheduler(
      name,
      { pattern: `0 ${hour} * * *`, tz: COUNTY_ZONE },
      {
        name,
        data: payload,
        opts: {
          attempts: 3,
          backoff: { type: 'exponential', delay: 60_000 },
          removeOnComplete: { count: 30 },
          removeOnFail: { count: 100 },
        },
      },
    );
  }

  // Redis, or BullMQ's PostgreSQL backend in the app's own database when embedded.
  get backend(): 'redis' | 'postgres' {
    return this.config.env.KOKEMUS_EMBEDDED ? 'postgres' : 'redis';
  }

  // A queue that fails at once while Redis is away, so that neither a request nor a boot waits on Redis: what was to
  // be queued is in PostgreSQL, and the sweeps queue it when Redis is back (a schedule is made again then).
  reachable(name: QueueName): JobsQueue {
    if (this.backend === 'redis' && !isReady(this.redis())) {
      throw new Error(`Redis is not reachable (${this.redis().status})`);
    }
    return this.queue(name);
  }

  // Calls `then` once, when Redis is ready again (never in the embedded mode, whose queues are in PostgreSQL).
  whenReachable(then: () => void): void {
    if (this.backend === 'redis') this.redis().once('ready', then);
  }

  // The queue as it is, whose commands wait for Redis: for tests and inspection; the app's code uses reachable().
  queue(name: QueueName): JobsQueue {
    let queue = this.queues.get(name);
    if (!queue) {
      const env = this.config.env;
      if (env.KOKEMUS_EMBEDDED) {
        queue = createPostgresQueue(name, env.DATABASE_URL);
      } else {
        queue = new Queue(name, { connection: this.redis(), prefix: env.QUEUE_PREFIX });
      }
      // Without a listener BullMQ prints every connection error with its stack trace to stderr.
      queue.on('error', (err: Error) => this.logError(name, err));
      this.queues.set(name, queue);
    }
    return queue;
  }

  private logError(queue: QueueName, err: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLoggedAt < ERROR_LOG_INTERVAL_MS) return;
    this.lastErrorLoggedAt = now;
    this.logger.warn({ queue, err: err.message }, 'Queue error (more within 30 s are not logged)');
  }

  async ping(): Promise<string> {
    const env = this.config.env;
    if (env.KOKEMUS_EMBEDDED) {
      // A real round trip to the queue tables (created on first use).
      await this.queue(QueueName.Mail).getJobCounts('waiting');
      return 'PONG';
    }
    return this.redis().ping();
  }

  private redis(): IORedis {
    const env = this.config.env;
    if (env.KOKEMUS_EMBEDDED) throw new Error('The embedded mode queues in PostgreSQL, not Redis');
    return (this.connection ??= createRedis(env.REDIS_URL, false));
  }

  // Bounded: with Redis down a queue may never confirm its close, and a stop must not wait on Redis.
  async onApplicationShutdown(): Promise<void> {
    const closing = Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closing, new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS)))]);
    clearTimeout(timer);
    this.connection?.disconnect();
  }
}

function isReady(connection: IORedis): boolean {
  return connection.status === 'ready';
}
