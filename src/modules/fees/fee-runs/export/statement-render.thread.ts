import { parentPort } from 'node:worker_threads';
import { StatementDocument } from './statement-document';
import { renderStatementPdf } from './statement-pdf.renderer';

// A rendering thread of StatementRenderPool: documents in, PDF bytes out (moved back, not copied).
parentPort!.on('message', ({ id, doc }: { id: number; doc: StatementDocument }) => {
  try {
    const bytes = Uint8Array.from(renderStatementPdf(doc));
    parentPort!.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
