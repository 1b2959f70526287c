// The patches of pdfkit's and fontkit's private members (README.md lists them), each one switchable so that
// bench/pdf-patches.ts can measure what it gains. The application never switches any off; a bench process
// does, before its first render.
export const pdfPatches = {
  // dejavu-fonts.ts: the fonts parsed once per process (the parsed fontkit font read from a scratch
  // document's _font.font), each glyph viewed with its own code points.
  parsedFonts: true,
  // dejavu-fonts.ts: pdfkit's word layout cache (_font.layoutCache) shared by all documents.
  sharedLayoutCache: true,
  // fixed-font-subset.ts: each face subset once per process (_font.subset, widths, unicode, embed,
  // toUnicodeCmap, and the document's ref while embedding).
  fixedSubsets: true,
  // fixed-font-subset.ts: words laid out from cached letter pairs (_font.layoutRun) and string widths
  // memoized (_font.widthOfString). Needs fixedSubsets.
  textMetrics: true,
  // text-setter.ts: lines broken once per process and written as one text object (LineWrapper, _font.encode,
  // page.fonts, continueOnNewPage). Needs fixedSubsets.
  fastText: true,
  // pdf-output.ts: the output collected and converted to bytes at once (_write, _offset, page content).
  collectOutput: true,
};

export type PdfPatch = keyof typeof pdfPatches;
