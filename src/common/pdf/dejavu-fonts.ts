import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import PDFDocument from 'pdfkit';
import { pdfPatches } from './pdf-patches';

// DejaVu Sans (Finnish, Swedish and Sámi letters and €) for every PDF Kokemus renders: contracts and fee
// statements. Parsing a font costs more than the rest of a render and pdfkit would redo it for every document
// given a Buffer; it also accepts an already parsed fontkit font, so the files are read and parsed once per
// process.

type Pdf = PDFKit.PDFDocument;
export type ParsedFont = Parameters<Pdf['registerFont']>[1];

const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

interface FontkitGlyph {
  codePoints?: number[];
}
interface FontkitFont {
  layout?: unknown;
  getGlyph?: (id: number, codePoints?: number[]) => FontkitGlyph;
}

let cache: { regular: ParsedFont; bold: ParsedFont } | null = null;

export function dejaVuFonts(): { regular: ParsedFont; bold: ParsedFont } {
  cache ??= {
    regular: parse(readFileSync(join(FONT_DIR, 'DejaVuSans.ttf'))),
    bold: parse(readFileSync(join(FONT_DIR, 'DejaVuSans-Bold.ttf'))),
  };
  return cache;
}

// pdfkit accepts an already parsed fontkit font; it does not export fontkit, hence the scratch document.
function parse(file: Buffer): ParsedFont {
  if (!pdfPatches.parsedFonts) return file;
  const scratch = new PDFDocument({ autoFirstPage: false });
  scratch.font(file);
  const parsed = (scratch as unknown as { _font?: { font?: FontkitFont } })._font?.font;
  if (typeof parsed?.layout !== 'function' || typeof parsed.getGlyph !== 'function') return file;
  shareGlyphsSafely(parsed, parsed.getGlyph.bind(parsed));
  return parsed as ParsedFont;
}

// fontkit keeps one object per glyph holding the code points of the text that first asked for it, and
// pdfkit builds the ToUnicode map (what copy-paste and screen readers get) from them: each layout gets a
// view carrying its own code points, so a document's text never depends on what was rendered before.
function shareGlyphsSafely(font: FontkitFont, getGlyph: NonNullable<FontkitFont['getGlyph']>): void {
  font.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints);
    return codePoints?.length
      ? (Object.create(glyph, { codePoints: { value: codePoints, enumerable: true } }) as FontkitGlyph)
      : glyph;
  };
}

// pdfkit caches word layouts (fontkit shaping) per document. Statements are mostly the same words and
// numbers, so one cache per font for the whole process saves most of that work. The runs are never mutated
// after being cached. Capped, because names and titles keep adding words.
const LAYOUT_CACHE_LIMIT = 20_000;
const layoutCaches = new Map<string, Record<string, unknown>>();
let layoutCacheUses = 0;

export function shareLayoutCache(pdf: Pdf, fontName: string): void {
  if (!pdfPatches.sharedLayoutCache) return;
  pdf.font(fontName);
  const font = (pdf as unknown as { _font?: { layoutCache?: Record<string, unknown> } })._font;
  if (!font?.layoutCache) return; // pdfkit changed its internals: keep its own per-document cache
  let cache = layoutCaches.get(fontName);
  if (!cache || (++layoutCacheUses % 100 === 0 && Object.keys(cache).length > LAYOUT_CACHE_LIMIT)) {
    cache = Object.create(null) as Record<string, unknown>;
    layoutCaches.set(fontName, cache);
  }
  font.layoutCache = cache;
}
