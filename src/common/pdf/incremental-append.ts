import { PDFDict, PDFDocument, PDFName, PDFObject, PDFPageTree, PDFRef } from 'pdf-lib';

// Appends the pages of one PDF to another as an incremental update (ISO 32000-1 §7.5.6): the original file
// stays at the start of the result byte for byte, followed by the new objects, the page tree that now lists
// them, a cross-reference section and a trailer pointing back at the original's (/Prev). Anyone holding the
// original's hash can check it against the first `originalLength` bytes. PDF/A-2 allows incremental updates;
// the trailer keeps the original's /ID, and the catalog, metadata and info dictionary are left as they were.
// pdfkit cannot open an existing PDF, so pdf-lib reads both files and writes the objects that changed.

export interface AppendedPdf {
  bytes: Buffer;
  originalLength: number;
  originalPages: number;
  pages: number;
}

// addition: the PDF whose pages are appended, or a function making it from the original's page count.
export async function appendPagesIncrementally(
  original: Buffer,
  addition: Buffer | ((originalPages: number) => Buffer),
): Promise<AppendedPdf> {
  const doc = await PDFDocument.load(original, { updateMetadata: false });
  const originalPages = doc.getPageCount();
  const originalObjects = new Set(doc.context.enumerateIndirectObjects().map(([ref]) => ref.tag));
  const extra = await PDFDocument.load(typeof addition === 'function' ? addition(originalPages) : addition, {
    updateMetadata: false,
  });
  const copied = await doc.copyPages(extra, extra.getPageIndices());
  for (const page of copied) {
    // The page's marked content belonged to the other file's structure tree, which is not copied.
    page.node.delete(PDFName.of('StructParents'));
    doc.addPage(page);
  }

  // New objects, and the page tree nodes (their /Kids and /Count changed).
  const written = doc.context
    .enumerateIndirectObjects()
    .filter(([ref, object]) => !originalObjects.has(ref.tag) || object instanceof PDFPageTree)
    .sort(([a], [b]) => a.objectNumber - b.objectNumber);

  const chunks: Buffer[] = [original];
  let offset = original.length;
  const push = (chunk: Buffer) => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  if (original[original.length - 1] !== 0x0a) push(Buffer.from('\n', 'latin1'));
  const offsets = new Map<number, { ref: PDFRef; offset: number }>();
  for (const [ref, object] of written) {
    offsets.set(ref.objectNumber, { ref, offset });
    push(Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1'));
    push(serialize(object));
    push(Buffer.from('\nendobj\n', 'latin1'));
  }

  const xrefOffset = offset;
  let xref = 'xref\n';
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    xref += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const entry = offsets.get(numbers[k])!;
      xref += `${String(entry.offset).padStart(10, '0')} ${String(entry.ref.generationNumber).padStart(5, '0')} n\r\n`;
    }
    i = j + 1;
  }
  const { Root, Info, ID } = doc.context.trailerInfo;
  const trailer = PDFDict.withContext(doc.context);
  trailer.set(PDFName.of('Size'), doc.context.obj(doc.context.largestObjectNumber + 1));
  if (Root) trailer.set(PDFName.of('Root'), Root);
  if (Info) trailer.set(PDFName.of('Info'), Info);
  if (ID) trailer.set(PDFName.of('ID'), ID);
  trailer.set(PDFName.of('Prev'), doc.context.obj(lastStartXref(original)));
  push(Buffer.from(`${xref}trailer\n${trailer.toString()}\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));

  return { bytes: Buffer.concat(chunks), originalLength: original.length, originalPages, pages: doc.getPageCount() };
}

function serialize(object: PDFObject): Buffer {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function lastStartXref(pdf: Buffer): number {
  const tail = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  const matches = [...tail.matchAll(/startxref\s+(\d+)/g)];
  if (matches.length === 0) throw new Error('The PDF has no startxref');
  return Number(matches[matches.length - 1][1]);
}
