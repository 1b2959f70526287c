import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { lockDataDir } from './data-dir-lock';
import type { ThreadData, ThreadMessage } from './embedded-postgres.thread';

export interface EmbeddedPostgres {
  // A postgres:// URL for the pg driver on 127.0.0.1 and a port the system picked.
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  // A statement that waits this long on another connection's open transaction fails with 55P03.
  lockWaitTimeoutMs?: number;
  log?: (message: string) => void;
  // The database thread died on its own: nothing works any more.
  onCrash?: (error: Error) => void;
}

const STOP_TIMEOUT_MS = 10_000;

// The thread's module is loaded by require() so that the same call works compiled (dist/*.js) and under
// ts-node (a worker inherits -r ts-node/register from process.execArgv).
function startThread(data: ThreadData): Worker {
  const entry = join(__dirname, 'embedded-postgres.thread');
  return new Worker(`require(${JSON.stringify(entry)})`, { eval: true, workerData: data });
}

// PGlite (PostgreSQL in WebAssembly) with btree_gist and citext, in a worker thread, behind a socket server
// that the normal pg driver, TypeORM and BullMQ connect to. One process per data directory: the data
// directory is locked before this returns (a DataDirLockedError is thrown, not a rejected promise), so that
// the caller may get on with other work while the database starts.
export function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const release = lockDataDir(options.dataDir);
  return start(options, release);
}

async function start(options: EmbeddedPostgresOptions, release: () => void): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  let thread: Worker;
  let url: string;
  try {
    thread = startThread({
      pgDataDir: join(options.dataDir, 'pgdata'),
      lockWaitTimeoutMs: options.lockWaitTimeoutMs ?? 15_000,
    });
    url = await new Promise<string>((resolve, reject) => {
      thread.on('message', (message: ThreadMessage) => {
        if (message.type === 'ready') resolve(message.url);
        if (message.type === 'failed') reject(new Error(`The embedded PostgreSQL did not start: ${message.message}`));
        if (message.type === 'log') log(message.message);
      });
      thread.once('error', reject);
      thread.once('exit', (code) => reject(new Error(`The embedded PostgreSQL thread exited with code ${code}`)));
    });
  } catch (err) {
    release();
    throw err;
  }

  let stopping = false;
  thread.on('error', (err) => {
    if (!stopping) options.onCrash?.(err);
  });
  thread.on('exit', (code) => {
    if (!stopping) options.onCrash?.(new Error(`The embedded PostgreSQL thread exited with code ${code}`));
  });

  return {
    url,
    async stop() {
      if (stopping) return;
      stopping = true;
      const stopped = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, STOP_TIMEOUT_MS);
        thread.on('message', (message: ThreadMessage) => {
          if (message.type !== 'stopped') return;
          clearTimeout(timer);
          resolve();
        });
        thread.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      thread.postMessage('stop');
      await stopped;
      await thread.terminate();
      release();
    },
  };
}
