// How a rendered document's bytes are read out of pdfkit (shared by the contract and statement renderers).

type Pdf = PDFKit.PDFDocument;

interface PdfInternals {
  _write?: (data: string | Uint8Array) => void;
  _offset?: number;
  page?: { content?: ContentRef };
  on(event: string, listener: () => void): void;
}
interface ContentRef {
  write: (chunk: string | Uint8Array) => void;
  finalize: () => void;
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  uncompressedLength: number;
  compress: boolean;
}

// pdfkit turns every operator and object it writes from a string into bytes one character at a time, and
// pushes each through a stream: for a table of hundreds of cells that is a third of the render. The same
// bytes are collected here instead and converted natively (latin1 keeps the low byte of each character,
// exactly as pdfkit does), giving byte-identical output (a test compares). If pdfkit's internals change,
// null: the caller reads pdfkit's own stream.
export function collectOutput(pdf: Pdf): (() => Buffer) | null {
  const doc = pdf as unknown as PdfInternals;
  const firstContent = doc.page?.content;
  if (
    typeof doc._write !== 'function' ||
    typeof doc._offset !== 'number' ||
    !firstContent ||
    !Array.isArray(firstContent.buffer) ||
    typeof firstContent.finalize !== 'function'
  ) {
    return null;
  }
  const parts: (string | Uint8Array)[] = [];
  // What the constructor has already written (the header).
  for (let chunk = pdf.read() as Buffer | null; chunk !== null; chunk = pdf.read() as Buffer | null) parts.push(chunk);
  doc._write = (data) => {
    const chunk = typeof data === 'string' ? `${data}\n` : data;
    parts.push(chunk);
    doc._offset! += chunk.length;
  };
  // A page's operators are kept as text and turned into bytes once, when pdfkit finishes the page.
  const collectPage = () => {
    const content = doc.page!.content!;
    const pending: (string | Uint8Array)[] = [];
    content.write = (chunk) => {
      const part = typeof chunk === 'string' ? `${chunk}\n` : chunk;
      pending.push(part);
      content.uncompressedLength += part.length;
      content.data.Length = (content.data.Length ?? 0) + part.length;
      if (content.compress) content.data.Filter = 'FlateDecode';
    };
    const finalize = content.finalize.bind(content);
    content.finalize = () => {
      content.buffer.push(...bytesOf(pending));
      pending.length = 0;
      finalize();
    };
  };
  collectPage();
  doc.on('pageAdded', collectPage);
  return () => Buffer.concat(bytesOf(parts));
}

// Runs of text become one Buffer each (latin1: the low byte of each character, as pdfkit writes them).
function bytesOf(parts: (string | Uint8Array)[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let text: string[] = [];
  const flush = () => {
    if (text.length > 0) out.push(Buffer.from(text.join(''), 'latin1'));
    text = [];
  };
  for (const part of parts) {
    if (typeof part === 'string') text.push(part);
    else {
      flush();
      out.push(part);
    }
  }
  flush();
  return out;
}
