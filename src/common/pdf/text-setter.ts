import PDFDocument from 'pdfkit';
import { pdfPatches } from './pdf-patches';

// Text for the renderers, set either by pdfkit's text() as is, or, when the fonts use fixed subsets
// (fixed-font-subset.ts), by a faster path that gives the same layout: pdfkit's own LineWrapper breaks a
// paragraph into lines once per process (a contract's clauses are the same words every time), each line's
// glyph string is encoded once, and a paragraph is written as one text object instead of one per line.
// Page breaks, paragraph and line gaps follow LineWrapper's rules, so both paths place text alike (a test
// compares them).

type Pdf = PDFKit.PDFDocument;

export interface TextStyle {
  font: string;
  size: number;
  color: string;
}

export interface TextBox {
  width: number;
  lineGap?: number;
  paragraphGap?: number;
  align?: 'left' | 'right';
  lineBreak?: false;
}

interface LineWrapperInstance {
  lastLine?: boolean;
  on(event: 'line', listener: (line: string, options: unknown, wrapper: LineWrapperInstance) => void): void;
  wrap(text: string, options: Record<string, unknown>): void;
}
type LineWrapperClass = new (pdf: Pdf, options: Record<string, unknown>) => LineWrapperInstance;

// What the fast path reads of pdfkit's current font and page (checked before use).
interface FontInternals {
  id: string;
  ascender: number;
  ref(): unknown;
  encode(text: string): [string[], { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[]];
}
interface PdfInternals {
  _font?: FontInternals;
  page: { height: number; fonts?: Record<string, unknown>; maxY(): number };
  continueOnNewPage?: () => void;
}

interface Line {
  text: string;
  endsParagraph: boolean;
}

const CACHE_LIMIT = 20_000;
const linesCache = new Map<string, Line[]>();
// Per font name: a line's TJ operator, or null when its glyphs need offsets (combining marks).
const glyphRuns = new Map<string, Map<string, string | null>>();

export class TextSetter {
  private readonly fast: boolean;

  constructor(
    private readonly pdf: Pdf,
    fixedSubsets: boolean,
  ) {
    const internals = pdf as unknown as PdfInternals;
    this.fast =
      pdfPatches.fastText &&
      fixedSubsets &&
      typeof lineWrapper() === 'function' &&
      typeof internals.continueOnNewPage === 'function' &&
      typeof internals.page?.maxY === 'function' &&
      typeof internals.page.fonts === 'object';
  }

  // pdf.font(style.font).fontSize(style.size).fillColor(style.color).text(text, x, y, box)
  text(text: string, x: number, y: number, style: TextStyle, box: TextBox): void {
    const { pdf } = this;
    pdf.font(style.font).fontSize(style.size).fillColor(style.color);
    const lines = this.fast ? this.lines(text, style, box.width) : null;
    if (!lines || !this.drawFast(lines, x, y, style, box)) {
      pdf.text(text, x, y, box);
    }
  }

  heightOf(text: string, style: TextStyle, box: TextBox): number {
    const { pdf } = this;
    pdf.font(style.font).fontSize(style.size);
    if (!this.fast) return pdf.heightOfString(text, box);
    const lines = this.lines(text, style, box.width);
    const paragraphs = lines.filter((line) => line.endsParagraph).length;
    return lines.length * (pdf.currentLineHeight(true) + (box.lineGap ?? 0)) + paragraphs * (box.paragraphGap ?? 0);
  }

  widthOf(text: string, style: Pick<TextStyle, 'font' | 'size'>): number {
    return this.pdf.font(style.font).fontSize(style.size).widthOfString(text);
  }

  private lines(text: string, style: TextStyle, width: number): Line[] {
    // Most cells and labels fit on one line, which is what LineWrapper would make of them; measured with a point
    // to spare, since it measures between break opportunities and kerning across them can differ slightly.
    if (text.length > 0 && !/[\n\u00ad]/.test(text) && this.pdf.widthOfString(text) <= width - 1) {
      return [{ text, endsParagraph: true }];
    }
    const key = `${style.font}\u0000${style.size}\u0000${width}\u0000${text}`;
    let lines = linesCache.get(key);
    if (!lines) {
      lines = this.wrap(text, width);
      if (linesCache.size >= CACHE_LIMIT) linesCache.clear();
      linesCache.set(key, lines);
    }
    return lines;
  }

  // pdfkit's LineWrapper with an unlimited height: the lines exactly as pdfkit would break them.
  private wrap(text: string, width: number): Line[] {
    const { pdf } = this;
    const { x, y } = pdf;
    const lines: Line[] = [];
    const Wrapper = lineWrapper()!;
    const wrapper = new Wrapper(pdf, { width, height: Infinity });
    wrapper.on('line', (line, _options, w) =>
      lines.push({ text: line.replace(/\n/g, ''), endsParagraph: w.lastLine === true }),
    );
    wrapper.wrap(text, { width, height: Infinity });
    pdf.x = x;
    pdf.y = y;
    return lines;
  }

  // false (and nothing written) when a line needs pdfkit's own glyph placement.
  private drawFast(lines: Line[], x: number, y: number, style: TextStyle, box: TextBox): boolean {
    const pdf = this.pdf;
    const internals = pdf as unknown as PdfInternals;
    const font = internals._font;
    if (!font || typeof font.encode !== 'function') return false;
    const runs = lines.map((line) => glyphRun(style.font, font, line.text));
    if (runs.some((run) => run === null)) return false;

    const lineHeight = pdf.currentLineHeight(true);
    const step = lineHeight + (box.lineGap ?? 0);
    const baseline = (font.ascender / 1000) * style.size;
    const fontOperator = `/${font.id} ${number(style.size)} Tf`;
    let open = false;
    const begin = () => {
      internals.page.fonts![font.id] = font.ref();
      pdf.addContent(`q\n1 0 0 -1 0 ${number(internals.page.height)} cm\nBT\n${fontOperator}`);
      open = true;
    };
    const end = () => {
      if (open) pdf.addContent('ET\nQ');
      open = false;
    };
    pdf.x = x;
    pdf.y = y;
    // As LineWrapper does: a new page starts a new graphics state, so the colour is set again there.
    const newPage = () => {
      internals.continueOnNewPage!();
      pdf.x = x;
      pdf.fillColor(style.color);
    };
    if (pdf.y > internals.page.maxY() || pdf.y + lineHeight > internals.page.maxY()) newPage();
    lines.forEach((line, i) => {
      const text = line.text;
      if (text.length > 0) {
        let left = x;
        if (box.align === 'right') left += box.width - pdf.widthOfString(text.replace(/\s+$/, ''));
        if (!open) begin();
        const top = internals.page.height - pdf.y - baseline;
        pdf.addContent(`1 0 0 1 ${number(left)} ${number(top)} Tm\n${runs[i]}`);
      }
      pdf.y += step;
      if (line.endsParagraph) pdf.y += box.paragraphGap ?? 0;
      if (i < lines.length - 1 && pdf.y + lineHeight > internals.page.maxY()) {
        end();
        newPage();
      }
    });
    end();
    pdf.x = x;
    return true;
  }
}

function glyphRun(fontName: string, font: FontInternals, text: string): string | null {
  let runs = glyphRuns.get(fontName);
  if (!runs) {
    runs = new Map();
    glyphRuns.set(fontName, runs);
  }
  let run = runs.get(text);
  if (run === undefined) {
    run = encodeRun(font, text);
    if (runs.size >= CACHE_LIMIT) runs.clear();
    runs.set(text, run);
  }
  return run;
}

// The TJ operator pdfkit's _fragment writes for a line without word or character spacing: glyph ids in hex,
// split where kerning moves the next glyph.
function encodeRun(font: FontInternals, text: string): string | null {
  if (text.length === 0) return '';
  const [encoded, positions] = font.encode(text);
  const commands: string[] = [];
  let last = 0;
  const segment = (end: number) => {
    if (last < end) {
      const position = positions[end - 1];
      commands.push(`<${encoded.slice(last, end).join('')}> ${number(position.advanceWidth - position.xAdvance)}`);
    }
    last = end;
  };
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i];
    if (position.xOffset || position.yOffset) return null;
    if (position.xAdvance - position.advanceWidth !== 0) segment(i + 1);
  }
  segment(positions.length);
  return `[${commands.join(' ')}] TJ`;
}

// pdfkit's number formatting for content streams.
function number(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function lineWrapper(): LineWrapperClass | undefined {
  return (PDFDocument as unknown as { LineWrapper?: LineWrapperClass }).LineWrapper;
}
