import { mkdirSync } from 'node:fs';
import { MessagePort, parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { FixedPGliteSocketServer } from './pglite-socket-server';

export interface ThreadData {
  pgDataDir: string;
  lockWaitTimeoutMs: number;
}

export type ThreadMessage =
  | { type: 'ready'; url: string }
  | { type: 'failed'; message: string }
  | { type: 'log'; message: string }
  | { type: 'stopped' };

// PGlite runs SQL synchronously on its thread; here, in a worker thread, a slow query never stalls the
// API's event loop or BullMQ's lock renewals.
async function run(port: MessagePort, data: ThreadData): Promise<void> {
  const post = (message: ThreadMessage) => port.postMessage(message);
  try {
    mkdirSync(data.pgDataDir, { recursive: true });
    // The migrations need both extensions; PGlite offers only those passed here to CREATE EXTENSION.
    const db = await PGlite.create({ dataDir: data.pgDataDir, extensions: { btree_gist, citext } });
    const server = new FixedPGliteSocketServer({
      db,
      host: '127.0.0.1',
      port: 0,
      // TypeORM's pool, and a pool of two plus a LISTEN client for every BullMQ queue and worker.
      maxConnections: 100,
      lockWaitTimeoutMs: data.lockWaitTimeoutMs,
      log: (message) => post({ type: 'log', message }),
    });
    await server.start();
    port.on('message', (message: unknown) => {
      if (message !== 'stop') return;
      void server
        .stop()
        .then(() => db.close())
        .finally(() => {
          post({ type: 'stopped' });
          port.close();
        });
    });
    post({ type: 'ready', url: `postgres://postgres:postgres@${server.getServerConn()}/postgres` });
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message });
  }
}

if (parentPort) void run(parentPort, workerData as ThreadData);
