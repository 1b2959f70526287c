import { A4, ArchivalPdfOptions, BODY, BOLD } from './archival-pdf';
import { TextSetter, TextStyle } from './text-setter';

// What every Kokemus document draws the same way: the county's letterhead, title, label–value fields, tagged
// table headers, footers with page numbers, and the tagging helpers around them. The contract and statement
// writers extend it with their own sections.

type Pdf = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
type StructOptions = PDFKit.Mixins.StructureElementOptions;

export const HOUSE_COLOR = {
  text: '#1a1a1a',
  muted: '#555555',
  brand: '#1f4e79',
  rule: '#9fb3c8',
  tableHead: '#e6edf4',
};

export interface PageFrame {
  pageHeight: number;
  left: number;
  width: number;
  // Where the body text ends (the page height less the bottom margin).
  bottom: number;
}

// The body's frame on the A4 page (archival-pdf.ts) with the margins the document is opened with.
export function a4Frame(margins: ArchivalPdfOptions['margins']): PageFrame {
  return {
    pageHeight: A4.height,
    left: margins.left,
    width: A4.width - margins.left - margins.right,
    bottom: A4.height - margins.bottom,
  };
}

export interface TableColumns {
  widths: number[];
  // Numbers are set flush right.
  numeric?: boolean[];
  padding: number;
}

export function textStyle(font: string, size: number, color = HOUSE_COLOR.text): TextStyle {
  return { font, size, color };
}

// Texts: the document's words in its language, as its writer's sections read them.
export abstract class DocumentWriter<Texts> {
  constructor(
    protected readonly pdf: Pdf,
    protected readonly ts: TextSetter,
    protected readonly root: Struct,
    protected readonly frame: PageFrame,
    protected readonly t: Texts,
  ) {}

  // The county's names on the left (the first in bold), the document's references on the right, a rule,
  // then the title and subtitle; pdf.y ends below them.
  protected letterhead(
    names: { text: string; lang: string }[],
    references: string[],
    title: string,
    subtitle: string,
    spaceAfter: number,
  ): void {
    const { pdf, frame } = this;
    const top = 40;
    const half = frame.width / 2;
    names.forEach((name, i) =>
      this.tagged(this.root, 'P', { lang: name.lang }, () =>
        this.ts.text(name.text, frame.left, top + i * 15, textStyle(i === 0 ? BOLD : BODY, 11, HOUSE_COLOR.brand), {
          width: half,
          lineBreak: false,
        }),
      ),
    );
    references.forEach((line, i) =>
      this.tagged(this.root, 'P', {}, () =>
        this.ts.text(line, frame.left + half, top + 1 + i * 12, textStyle(i === 0 ? BOLD : BODY, 9), {
          width: half,
          align: 'right',
          lineBreak: false,
        }),
      ),
    );
    const ruleY = top + Math.max(names.length * 15, references.length * 12) + 8;
    this.artifact(() =>
      pdf
        .moveTo(frame.left, ruleY)
        .lineTo(frame.left + frame.width, ruleY)
        .lineWidth(1.5)
        .strokeColor(HOUSE_COLOR.brand)
        .stroke(),
    );
    pdf.y = ruleY + 18;
    this.tagged(this.root, 'H1', {}, () =>
      this.ts.text(title, frame.left, pdf.y, textStyle(BOLD, 18, HOUSE_COLOR.brand), { width: frame.width }),
    );
    this.tagged(this.root, 'P', {}, () =>
      this.ts.text(subtitle, frame.left, pdf.y + 2, textStyle(BODY, 11, HOUSE_COLOR.muted), { width: frame.width }),
    );
    pdf.y += spaceAfter;
  }

  // A label and its value side by side, read as one paragraph ("Date of birth 1 February 1980"), kept on one
  // page.
  protected field(
    parent: Struct,
    label: string,
    value: string,
    layout: { labelWidth: number; lineGap: number; spaceAfter: number; size: number },
  ): void {
    const { pdf, frame } = this;
    const valueWidth = frame.width - layout.labelWidth;
    const labelStyle = textStyle(BODY, layout.size, HOUSE_COLOR.muted);
    const valueStyle = textStyle(BOLD, layout.size);
    // Line count from the unwrapped widths plus one spare line: far cheaper than measuring the wrapped text,
    // and only used to keep a label and its value on the same page.
    const lines =
      Math.max(
        Math.ceil(this.ts.widthOf(label, labelStyle) / (layout.labelWidth - 10)),
        Math.ceil(this.ts.widthOf(value, valueStyle) / valueWidth),
      ) + 1;
    this.ensureSpace(lines * pdf.currentLineHeight(true));
    const y = pdf.y;
    let bottom = y;
    this.tagged(parent, 'P', {}, () => {
      this.ts.text(label, frame.left, y, labelStyle, { width: layout.labelWidth - 10, lineGap: layout.lineGap });
      bottom = pdf.y;
      this.ts.text(value, frame.left + layout.labelWidth, y, valueStyle, {
        width: valueWidth,
        lineGap: layout.lineGap,
      });
      bottom = Math.max(bottom, pdf.y);
    });
    pdf.x = frame.left;
    pdf.y = bottom + layout.spaceAfter;
  }

  // A table's header row: tagged TH cells with column scope, or, repeated on a continuation page (table
  // null), decoration the reader skips.
  protected tableHeader(table: Struct | null, labels: string[], columns: TableColumns, size: number): void {
    const { pdf, frame } = this;
    const style = textStyle(BOLD, size);
    const { padding } = columns;
    const height =
      Math.max(
        ...labels.map((label, i) => this.ts.heightOf(label, style, { width: columns.widths[i] - 2 * padding })),
      ) +
      2 * padding;
    const y = pdf.y;
    this.artifact(() => pdf.rect(frame.left, y, frame.width, height).fill(HOUSE_COLOR.tableHead));
    const draw = (label: string, i: number) => () =>
      this.ts.text(label, this.columnX(columns, i) + padding, y + padding, style, {
        width: columns.widths[i] - 2 * padding,
        align: columns.numeric?.[i] ? 'right' : 'left',
      });
    if (table) {
      const row = pdf.struct('TR');
      table.add(row);
      // pdfkit supports Scope on TH although its typings do not list it.
      const scope = { scope: 'Column' } as StructOptions;
      labels.forEach((label, i) => row.add(pdf.struct('TH', scope, draw(label, i))));
      row.end();
    } else {
      this.artifact(() => labels.forEach((label, i) => draw(label, i)()));
    }
    pdf.x = frame.left;
    pdf.y = y + height;
  }

  protected columnX(columns: TableColumns, column: number): number {
    return this.frame.left + columns.widths.slice(0, column).reduce((a, b) => a + b, 0);
  }

  // Footer on every page (a rule, a note, "page n of m") and, from page 2, a running header; written once all
  // pages exist, as pagination artifacts.
  protected pageFurniture(
    footer: { note: string; bold: boolean },
    pageLabel: (page: number, count: number) => string,
    runningHeader?: string,
  ): void {
    const { pdf, frame } = this;
    const { start, count } = pdf.bufferedPageRange();
    const small = 8;
    for (let i = 0; i < count; i++) {
      pdf.switchToPage(start + i);
      // Writing inside the bottom margin must not make pdfkit open a new page.
      const bottomMargin = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0;
      pdf.markContent('Artifact', { type: 'Pagination' });
      if (i > 0 && runningHeader) {
        this.ts.text(runningHeader, frame.left, 32, textStyle(BODY, small, HOUSE_COLOR.muted), {
          width: frame.width,
          lineBreak: false,
        });
        this.rule(46);
      }
      const footerY = frame.pageHeight - 48;
      this.rule(footerY - 8);
      this.ts.text(footer.note, frame.left, footerY, textStyle(footer.bold ? BOLD : BODY, small, HOUSE_COLOR.muted), {
        width: frame.width * 0.75,
        lineBreak: false,
      });
      this.ts.text(
        pageLabel(i + 1, count),
        frame.left + frame.width * 0.75,
        footerY,
        textStyle(BODY, small, HOUSE_COLOR.muted),
        {
          width: frame.width * 0.25,
          align: 'right',
          lineBreak: false,
        },
      );
      pdf.endMarkedContent();
      pdf.page.margins.bottom = bottomMargin;
    }
  }

  protected tagged(parent: Struct, type: string, options: StructOptions, draw: () => void): void {
    parent.add(this.pdf.struct(type, options, draw));
  }

  protected artifact(draw: () => void): void {
    this.pdf.markContent('Artifact', { type: 'Layout' });
    draw();
    this.pdf.endMarkedContent();
  }

  protected ensureSpace(height: number): void {
    if (this.pdf.y + height > this.frame.bottom) this.pdf.addPage();
  }

  private rule(y: number): void {
    const { pdf, frame } = this;
    pdf
      .moveTo(frame.left, y)
      .lineTo(frame.left + frame.width, y)
      .lineWidth(0.5)
      .strokeColor(HOUSE_COLOR.rule)
      .stroke();
  }
}
