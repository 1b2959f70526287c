import { deflateSync } from 'zlib';
import { composeLayout, LayoutFont } from './pair-layout';
import { pdfPatches } from './pdf-patches';

// pdfkit subsets an embedded font anew for every document: it re-encodes the glyph outlines, compresses them and
// builds the width and ToUnicode tables, which is a fifth of a contract's render time. Kokemus documents use
// one fixed repertoire of letters, so each face is subset once per process to that repertoire, and every
// document embeds the same compressed bytes with the same glyph ids. A document with a character outside the
// repertoire is rendered again with pdfkit's own subsetting (renderWithFixedSubsets below), so nothing is lost.

// Latin for Finnish, Swedish and the Sámi languages (Latin-1, Extended-A, the Sámi letters of Extended-B), the
// punctuation and spaces that texts and Intl formatting use, and a few signs (€, №, ™, −).
const REPERTOIRE_RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x1b7, 0x1b7],
  [0x1e4, 0x1ef],
  [0x292, 0x292],
  [0x2b9, 0x2bc],
  [0x2c6, 0x2c7],
  [0x2d8, 0x2dd],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2116, 0x2116],
  [0x2122, 0x2122],
  [0x2212, 0x2212],
];
// Shaping turns these into ligature glyphs; the ligatures join the repertoire with the text they stand for.
const LIGATURE_SOURCES = ['ff', 'fi', 'fl', 'ffi', 'ffl'];

type Pdf = PDFKit.PDFDocument;

interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface FontkitSubset {
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}
export interface FontkitFont extends LayoutFont {
  unitsPerEm: number;
  getGlyph(id: number): FontkitGlyph;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): FontkitGlyph;
  createSubset(): FontkitSubset;
}

// What pdfkit's EmbeddedFont holds that this module replaces. Checked before use: if pdfkit changes its
// internals the documents fall back to pdfkit's own subsetting.
interface EmbeddedFontInternals {
  font: FontkitFont;
  subset: { includeGlyph(id: number): number; encode(): Uint8Array };
  widths: number[];
  unicode: number[][];
  embed(): void;
  toUnicodeCmap(): unknown;
  encode(text: string, features?: unknown): [string[], unknown[]];
  layoutRun(text: string, features?: unknown): unknown;
  scale: number;
  widthOfString(text: string, size: number, features?: unknown): number;
}

interface FixedSubset {
  // With fixed glyph ids, measuring a string no longer depends on the document: widths are kept for the
  // process (capped, because names and titles keep adding strings). Encoded lines are kept by text-setter.ts.
  widths1000: Map<string, number>;
  glyphIds: Map<number, number>;
  widths: number[];
  unicode: number[][];
  fontFile: Buffer; // deflated
  fontFileLength: number;
  toUnicode: Buffer; // deflated
}

export class OutsideRepertoireError extends Error {
  constructor(readonly glyphId: number) {
    super(`Glyph ${glyphId} is outside the fixed font repertoire`);
  }
}

const subsets = new WeakMap<FontkitFont, FixedSubset>();

function fixedSubsetOf(font: FontkitFont): FixedSubset {
  let fixed = subsets.get(font);
  if (!fixed) {
    fixed = buildFixedSubset(font);
    subsets.set(font, fixed);
  }
  return fixed;
}

function buildFixedSubset(font: FontkitFont): FixedSubset {
  const subset = font.createSubset();
  const glyphIds = new Map<number, number>([[0, 0]]);
  const unicode: number[][] = [[0]];
  const include = (glyphId: number, codePoints: number[]) => {
    if (glyphIds.has(glyphId)) return;
    const id = subset.includeGlyph(glyphId);
    glyphIds.set(glyphId, id);
    unicode[id] = codePoints;
  };
  for (const [first, last] of REPERTOIRE_RANGES) {
    for (let codePoint = first; codePoint <= last; codePoint++) {
      if (font.hasGlyphForCodePoint(codePoint)) include(font.glyphForCodePoint(codePoint).id, [codePoint]);
    }
  }
  for (const text of LIGATURE_SOURCES) {
    for (const glyph of font.layout(text).glyphs) include(glyph.id, [...glyph.codePoints]);
  }
  const scale = 1000 / font.unitsPerEm;
  const widths: number[] = [];
  for (const [glyphId, id] of glyphIds) widths[id] = font.getGlyph(glyphId).advanceWidth * scale;
  const program = Buffer.from(subset.encode());
  return {
    widths1000: new Map(),
    glyphIds,
    widths,
    unicode,
    fontFile: deflateSync(program),
    fontFileLength: program.length,
    toUnicode: deflateSync(Buffer.from(toUnicodeCmap(unicode), 'latin1')),
  };
}

// Makes the font pdfkit has open as `fontName` in this document use the fixed subset. Returns false (and
// changes nothing) when pdfkit's internals are not what this module expects.
export function useFixedSubset(pdf: Pdf, fontName: string): boolean {
  pdf.font(fontName);
  const embedded = (pdf as unknown as { _font?: Partial<EmbeddedFontInternals> })._font;
  if (
    !embedded?.font ||
    typeof embedded.font.createSubset !== 'function' ||
    !embedded.subset ||
    !Array.isArray(embedded.widths) ||
    !Array.isArray(embedded.unicode) ||
    typeof embedded.embed !== 'function' ||
    typeof embedded.toUnicodeCmap !== 'function' ||
    typeof embedded.layoutRun !== 'function' ||
    typeof embedded.scale !== 'number'
  ) {
    return false;
  }
  const font = embedded as EmbeddedFontInternals;
  const fixed = fixedSubsetOf(font.font);
  font.subset = {
    includeGlyph: (glyphId) => {
      const id = fixed.glyphIds.get(glyphId);
      if (id === undefined) throw new OutsideRepertoireError(glyphId);
      return id;
    },
    // Never read: the font file reference below is handed the compressed program instead.
    encode: () => new Uint8Array(0),
  };
  // Every glyph of the subset is in the file, so the tables are complete from the start; pdfkit fills in only
  // missing entries and finds none.
  font.widths = fixed.widths;
  font.unicode = fixed.unicode;
  if (pdfPatches.textMetrics) memoizeTextMetrics(font, fixed);
  const doc = pdf as unknown as PdfRefs;
  font.toUnicodeCmap = () => {
    const cmap = doc.ref({ Filter: 'FlateDecode' });
    cmap.end(fixed.toUnicode);
    return cmap;
  };
  const embed = font.embed.bind(font);
  // pdfkit's embed() writes the font file, descriptor, CID font and Type0 dictionary; the first reference it
  // asks for without data is the font file, which gets the program compressed once per process.
  font.embed = () => {
    const ref = doc.ref;
    doc.ref = (data) => {
      doc.ref = ref;
      if (data !== undefined) return doc.ref(data);
      const fontFile = doc.ref({ Length1: fixed.fontFileLength, Filter: 'FlateDecode' });
      const end = fontFile.end.bind(fontFile);
      fontFile.end = () => end(fixed.fontFile);
      return fontFile;
    };
    try {
      embed();
    } finally {
      doc.ref = ref;
    }
  };
  return true;
}

const MEMO_LIMIT = 20_000;

function memoizeTextMetrics(font: EmbeddedFontInternals, fixed: FixedSubset): void {
  const widthOfString = font.widthOfString.bind(font);
  const layoutRun = font.layoutRun.bind(font);
  // pdfkit's layoutRun with a composed run where one can be had (pair-layout.ts), scaled as pdfkit scales.
  font.layoutRun = (text, features) => {
    const composed = features ? null : composeLayout(font.font, text);
    if (!composed) return layoutRun(text, features);
    let advanceWidth = 0;
    const positions = composed.positions.map((position, i) => {
      const scaled = {
        xAdvance: position.xAdvance * font.scale,
        yAdvance: position.yAdvance * font.scale,
        xOffset: position.xOffset * font.scale,
        yOffset: position.yOffset * font.scale,
        advanceWidth: composed.glyphs[i].advanceWidth * font.scale,
      };
      advanceWidth += scaled.xAdvance;
      return scaled;
    });
    return { glyphs: composed.glyphs, positions, advanceWidth };
  };
  font.widthOfString = (text, size, features) => {
    if (features) return widthOfString(text, size, features);
    let width = fixed.widths1000.get(text);
    if (width === undefined) {
      if (fixed.widths1000.size >= MEMO_LIMIT) fixed.widths1000.clear();
      width = widthOfString(text, 1000);
      fixed.widths1000.set(text, width);
    }
    return width * (size / 1000);
  };
}

interface PdfRef {
  end(chunk?: unknown): void;
}
interface PdfRefs {
  ref(data?: Record<string, unknown>): PdfRef;
}

// Renders with the fixed subsets; a document that needs a glyph outside them is rendered again with pdfkit's
// own per-document subsetting. Both are deterministic, so the same data always takes the same path.
export function renderWithFixedSubsets<T>(render: (fixedSubsets: boolean) => T): T {
  try {
    return render(true);
  } catch (error) {
    if (error instanceof OutsideRepertoireError) return render(false);
    throw error;
  }
}

function toUnicodeCmap(unicode: number[][]): string {
  const hex = (value: number) => value.toString(16).padStart(4, '0');
  const entries = unicode.map((codePoints) => {
    const encoded: string[] = [];
    for (let value of codePoints) {
      if (value > 0xffff) {
        value -= 0x10000;
        encoded.push(hex(((value >>> 10) & 0x3ff) | 0xd800));
        value = 0xdc00 | (value & 0x3ff);
      }
      encoded.push(hex(value));
    }
    return `<${encoded.join(' ')}>`;
  });
  const ranges: string[] = [];
  for (let start = 0; start < entries.length; start += 256) {
    const end = Math.min(start + 256, entries.length);
    ranges.push(`<${hex(start)}> <${hex(end - 1)}> [${entries.slice(start, end).join(' ')}]`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo <<',
    '  /Registry (Adobe)',
    '  /Ordering (UCS)',
    '  /Supplement 0',
    '>> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000><ffff>',
    'endcodespacerange',
    `${ranges.length} beginbfrange`,
    ...ranges,
    'endbfrange',
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
