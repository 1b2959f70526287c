import PDFDocument from 'pdfkit';
import { dejaVuFonts, shareLayoutCache } from './dejavu-fonts';
import { useFixedSubset } from './fixed-font-subset';
import { collectOutput } from './pdf-output';
import { pdfPatches } from './pdf-patches';
import { TextSetter, TextStyle } from './text-setter';

// The document every Kokemus PDF starts from: A4, PDF/A-2b, tagged, with its language and title, DejaVu Sans
// registered as BODY and BOLD, and dates taken from the data (never the clock; pdfkit derives the file /ID
// from the info dictionary, so it is stable too).

type Pdf = PDFKit.PDFDocument;

export const BODY = 'Body';
export const BOLD = 'Bold';
export const A4 = { width: 595.28, height: 841.89 };

export interface ArchivalPdfOptions {
  lang: string;
  title: string;
  author: string;
  createdAt: Date;
  modifiedAt: Date;
  margins: { top: number; bottom: number; left: number; right: number };
  // Fonts embedded as fixed subsets (fixed-font-subset.ts); false: pdfkit's own subsetting.
  fixedSubsets: boolean;
  // Read pdfkit's own output stream instead of collecting the bytes (specs compare the two).
  pdfkitStream?: boolean;
}

export interface ArchivalPdf {
  pdf: Pdf;
  // Whether the fixed subsets are in use (pdfkit's internals were as expected).
  fixedSubsets: boolean;
  // The finished file, once pdf.end() has been called.
  bytes(): Buffer;
}

export function openArchivalPdf(options: ArchivalPdfOptions): ArchivalPdf {
  const pdf = new PDFDocument({
    size: [A4.width, A4.height],
    margins: options.margins,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: options.lang,
    displayTitle: true,
    bufferPages: true,
    // pdfkit opens a default font before ours are registered; Courier's metrics parse fastest (Helvetica's
    // kerning table costs ~0.7 ms a render). It is never used, so never embedded.
    font: 'Courier',
    info: {
      Title: options.title,
      Author: options.author,
      Creator: 'Kokemus',
      Producer: 'Kokemus (PDFKit)',
      CreationDate: options.createdAt,
      ModDate: options.modifiedAt,
    },
  });
  // pdfkit gives every new page the document's options, and a `font` among them switches the current font
  // back to Courier at each page break, halfway through a paragraph: the option has done its work here.
  delete (pdf.options as { font?: string }).font;
  const output = options.pdfkitStream || !pdfPatches.collectOutput ? null : collectOutput(pdf);
  // PDF/A wants the XMP packet to agree with the info dictionary; pdfkit writes only CreateDate.
  pdf.appendXML(
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:ModifyDate>${xmpDate(options.modifiedAt)}</xmp:ModifyDate></rdf:Description>`,
  );
  pdf.registerFont(BODY, dejaVuFonts().regular);
  pdf.registerFont(BOLD, dejaVuFonts().bold);
  shareLayoutCache(pdf, BODY);
  shareLayoutCache(pdf, BOLD);
  const fixedSubsets =
    options.fixedSubsets && pdfPatches.fixedSubsets && useFixedSubset(pdf, BODY) && useFixedSubset(pdf, BOLD);
  return {
    pdf,
    fixedSubsets,
    bytes: () => {
      // Everything pdfkit writes is synchronous: after end() the whole file has been written.
      const chunks: Buffer[] = [];
      for (let chunk = pdf.read() as Buffer | null; chunk !== null; chunk = pdf.read() as Buffer | null)
        chunks.push(chunk);
      const bytes = output ? output() : Buffer.concat(chunks);
      if (!bytes.subarray(-16).toString('latin1').includes('%%EOF'))
        throw new Error(`${options.title}: the PDF was not completely written`);
      return bytes;
    },
  };
}

// A tagged document written whole: the writer fills the Document structure element, then draws what stands
// outside it (the page furniture: headers, footers, page numbers); the finished file's bytes are returned.
export function renderTaggedPdf<W>(
  options: ArchivalPdfOptions & { bodyStyle?: TextStyle },
  writer: (pdf: Pdf, ts: TextSetter, root: PDFKit.PDFStructureElement) => W,
  body: (writer: W) => void,
  furniture: (writer: W) => void = () => {},
): Buffer {
  const archival = openArchivalPdf(options);
  const { pdf } = archival;
  const style = options.bodyStyle;
  if (style) pdf.font(style.font).fontSize(style.size).fillColor(style.color);
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const w = writer(pdf, new TextSetter(pdf, archival.fixedSubsets), root);
  body(w);
  root.end();
  furniture(w);
  pdf.end();
  return archival.bytes();
}

export function instant(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid ISO instant: ${iso}`);
  return date;
}

function xmpDate(date: Date): string {
  return `${date.toISOString().split('.')[0]}Z`;
}
