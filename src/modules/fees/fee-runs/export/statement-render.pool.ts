import { extname, join } from 'node:path';
import { Piscina } from 'piscina';
import { StatementDocument } from './statement-document';
import { renderStatementPdf } from './statement-pdf.renderer';

// Renders statements on up to `maxThreads` threads of their own (a piscina pool) and, when those have a queue,
// on the calling thread too, between its own database round trips: an export then takes about the longer of
// its rendering and its database work, not their sum. Each thread costs a JavaScript engine of its own (some
// 70 MB of memory): one is the best trade on two cores (measured: a second one made the export slower and
// took the worker over 300 MB). The thread's heap is bounded, so its garbage is collected early. A thread
// that dies (out of memory, say) fails the render it had; the export rolls back and is retried.
export class StatementRenderPool {
  private pool: Piscina<StatementDocument, Uint8Array> | null = null;
  private inlineBusy = false;

  constructor(
    private readonly maxThreads: number,
    private readonly heapMb = 64,
  ) {}

  // A thread (started on first need) while it keeps up; the calling thread when every thread is busy with one
  // more waiting, and it is free itself.
  async render(doc: StatementDocument): Promise<Buffer> {
    if (this.maxThreads === 0) return this.renderInline(doc);
    const pool = (this.pool ??= this.start());
    if (pool.queueSize >= this.maxThreads && !this.inlineBusy) return this.renderInline(doc);
    const bytes = await pool.run(doc);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
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

  private start(): Piscina<StatementDocument, Uint8Array> {
    // Compiled: the .js beside this file. Under ts-node or Jest: the .ts, compiled on the thread. ts-node by
    // its full path: a bare `-r` name is looked up from the working directory, which need not be the
    // repository (the embedded app runs in its data directory).
    const ts = extname(__filename) === '.ts';
    const pool = new Piscina<StatementDocument, Uint8Array>({
      filename: join(__dirname, `statement-render.thread${ts ? '.ts' : '.js'}`),
      execArgv: ts ? ['-r', require.resolve('ts-node/register/transpile-only')] : [],
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 8 },
      // Threads start on first need and live until close(): starting one costs more than a render.
      minThreads: 0,
      maxThreads: this.maxThreads,
      idleTimeout: Infinity,
    });
    // A thread that dies between renders: piscina reports it here (unheard, it would end the process); the
    // next render starts another.
    pool.on('error', () => undefined);
    return pool;
  }
}
