import { Piscina } from 'piscina';
import { StatementDocument } from './statement-document';
import { renderStatementPdf } from './statement-pdf.renderer';

// A rendering thread of StatementRenderPool (run by piscina): a document in, its PDF bytes out (moved back,
// not copied). An error thrown here rejects that one render.
export default function render(doc: StatementDocument): Uint8Array {
  const bytes = Uint8Array.from(renderStatementPdf(doc));
  return Piscina.move(bytes) as Uint8Array;
}
