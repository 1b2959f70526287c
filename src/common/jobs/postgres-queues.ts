import { createPostgresBackend, Job, Queue, Worker } from 'bullmq';
import { QueueName } from './job-names';

// What the app uses of a queue and of a worker, whichever backend holds them.
export type JobsQueue = Pick<
  Queue,
  'add' | 'upsertJobScheduler' | 'getJobScheduler' | 'getJobCounts' | 'getJob' | 'getJobs' | 'close'
> & {
  on(event: 'error', listener: (error: Error) => void): unknown;
};
export interface JobsWorker {
  on(event: 'failed', listener: (job: Job | undefined, error: Error) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): Promise<void>;
  cancelAllJobs(reason?: string): void;
  disconnect(): Promise<void>;
}
// BullMQ passes the abort signal only to a processor that declares all three parameters.
export type JobProcessor = (job: Job, token: string | undefined, signal: AbortSignal | undefined) => Promise<unknown>;

// BullMQ's PostgreSQL backend, used in the embedded mode instead of Redis: the queues live in the schema
// "bullmq" of the app's own database, created on first use. Each queue and worker opens its own small pool
// (and a worker one LISTEN connection): the embedded database runs one statement at a time anyway.
function connection(url: string) {
  return { connectionString: url, max: 2, migrate: true };
}

export function createPostgresQueue(name: QueueName, url: string): JobsQueue {
  return new Queue(name, { connection: connection(url) }, createPostgresBackend);
}

export function createPostgresWorker(
  name: QueueName,
  processor: JobProcessor,
  url: string,
  concurrency: number,
): JobsWorker {
  return new Worker(name, processor, { connection: connection(url), concurrency }, createPostgresBackend);
}
