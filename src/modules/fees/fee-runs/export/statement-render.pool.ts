import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { StatementDocument } from './statement-document';
import { renderStatementPdf } from './statement-pdf.renderer';

interface Pending {
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

// Renders statements on up to `maxThreads` threads of their own and, when those have a queue, on the
// calling thread too, between its own database round trips: an export then takes about the longer of its
// rendering and its database work, not their sum. Each thread costs a JavaScript engine of its own (some
// 70 MB of memory): one is the best trade on two cores (measured: a second one made the export slower and
// took the worker over 300 MB). The thread's heap is bounded, so its garbage is collected early.
export class StatementRenderPool {
  private readonly threads: Thread[] = [];
  private nextId = 0;
  private inlineBusy = false;

  constructor(
    private readonly maxThreads: number,
    private readonly heapMb = 64,
  ) {}

  // A thread (started on first need) while it keeps up; the calling thread when the threads have a queue
  // and it is free itself.
  render(doc: StatementDocument): Promise<Buffer> {
    if (this.maxThreads === 0) return this.renderInline(doc);
    if (this.threads.length < this.maxThreads && this.threads.every((t) => t.pending.size > 0)) this.threads.push(this.spawn());
    const thread = this.threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    if (thread.pending.size >= 2 && !this.inlineBusy) return this.renderInline(doc);
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage({ id, doc });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  // After the current turn of the event loop, so that the caller first gets on with its own work.
  private async renderInline(doc: StatementDocument): Promise<Buffer> {
    this.inlineBusy = true;
    await new Promise((resolve) => setImmediate(resolve));
    try {
      return renderStatementPdf(doc);
    } finally {
      this.inlineBusy = false;
    }
  }

  private spawn(): Thread {
    // Compiled: the .js beside this file. Under ts-node or Jest: the .ts, compiled on the thread. ts-node by
    // its full path: a bare `-r` name is looked up from the working directory, which need not be the
    // repository (the embedded app runs in its data directory).
    const ts = extname(__filename) === '.ts';
    const worker = new Worker(join(__dirname, `statement-render.thread${ts ? '.ts' : '.js'}`), {
      execArgv: ts ? ['-r', require.resolve('ts-node/register/transpile-only')] : [],
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 8 },
    });
    const thread: Thread = { worker, pending: new Map() };
    worker.on('message', ({ id, bytes, error }: { id: number; bytes?: Uint8Array; error?: string }) => {
      const pending = thread.pending.get(id);
      thread.pending.delete(id);
      if (!pending) return;
      if (bytes) pending.resolve(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      else pending.reject(new Error(`Statement rendering failed: ${error}`));
    });
    // A thread that dies (out of memory, say) fails what it had; the export rolls back and is retried.
    const fail = (error: Error) => {
      for (const pending of thread.pending.values()) pending.reject(error);
      thread.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`Statement rendering thread stopped (${code})`)));
    return thread;
  }
}
