import { A4, BODY, BOLD, instant, openArchivalPdf } from '../../../common/pdf/archival-pdf';
import { renderWithFixedSubsets } from '../../../common/pdf/fixed-font-subset';
import { StatementDocument, StatementLine, statementTotals, StatementTotals } from './statement-document';
import { StatementTexts, statementTexts } from './statement-texts';

// A payee's statement for one fee run: data in, PDF/A-2b bytes out, following the contract renderer's
// conventions (DejaVu Sans, tagged structure, document language, no clock, no randomness): the same
// StatementDocument always gives byte-identical output.

type Pdf = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
type StructOptions = PDFKit.Mixins.StructureElementOptions;

const PAGE = A4;
const MARGIN = { top: 64, bottom: 72, left: 48, right: 48 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const CONTENT_BOTTOM = PAGE.height - MARGIN.bottom;
const COLOR = { text: '#1a1a1a', muted: '#555555', brand: '#1f4e79', rule: '#9fb3c8', head: '#e6edf4' };
const SIZE = { body: 10, small: 8, table: 8, h1: 18 };

// Date, task, hours, fee, travel and costs, withheld, net: the widths add up to CONTENT_WIDTH, and an
// amount up to "99 999,99 €" fits its column.
const COLUMNS = [56, 151.28, 44, 62, 62, 62, 62];
const NUMERIC = [false, false, true, true, true, true, true];
const PAD = 4;
const ROW_HEIGHT = SIZE.table + 2 * PAD + 3;

export function renderStatementPdf(doc: StatementDocument, options: { pdfkitStream?: boolean; fixedSubsets?: boolean } = {}): Buffer {
  if (options.fixedSubsets === false) return render(doc, false, options.pdfkitStream);
  return renderWithFixedSubsets((fixedSubsets) => render(doc, fixedSubsets, options.pdfkitStream));
}

function render(doc: StatementDocument, fixedSubsets: boolean, pdfkitStream = false): Buffer {
  const t = statementTexts(doc.language);
  const issuedAt = instant(doc.issuedAt);
  const archival = openArchivalPdf({
    lang: t.pdfLang,
    title: t.pdfTitle(doc.runReference),
    author: t.countyName,
    createdAt: issuedAt,
    modifiedAt: issuedAt,
    margins: MARGIN,
    fixedSubsets,
    pdfkitStream,
  });
  const { pdf } = archival;
  pdf.font(BODY).fontSize(SIZE.body).fillColor(COLOR.text);

  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const w = new StatementWriter(pdf, root, t);
  w.header(doc);
  w.parties(doc);
  w.table(doc.lines, statementTotals(doc.lines));
  w.notes();
  root.end();
  w.pageFurniture(doc);
  pdf.end();
  return archival.bytes();
}

function columnX(i: number): number {
  return MARGIN.left + COLUMNS.slice(0, i).reduce((a, b) => a + b, 0);
}

class StatementWriter {
  private ruleYs: number[] = [];

  constructor(
    private readonly pdf: Pdf,
    private readonly root: Struct,
    private readonly t: StatementTexts,
  ) {}

  header(doc: StatementDocument): void {
    const { pdf, t } = this;
    const top = 40;
    t.countyNames.forEach((name, i) =>
      this.tagged(this.root, 'P', { lang: name.lang }, () =>
        pdf
          .font(i === 0 ? BOLD : BODY)
          .fontSize(11)
          .fillColor(COLOR.brand)
          .text(name.text, MARGIN.left, top + i * 15, { width: CONTENT_WIDTH / 2, lineBreak: false }),
      ),
    );
    [`${t.labels.run} ${doc.runReference}`, `${t.labels.issued} ${t.formatInstant(doc.issuedAt)}`].forEach((line, i) =>
      this.tagged(this.root, 'P', {}, () =>
        pdf
          .font(i === 0 ? BOLD : BODY)
          .fontSize(9)
          .fillColor(COLOR.text)
          .text(line, MARGIN.left + CONTENT_WIDTH / 2, top + 1 + i * 12, { width: CONTENT_WIDTH / 2, align: 'right', lineBreak: false }),
      ),
    );
    this.artifact(() => pdf.moveTo(MARGIN.left, top + 38).lineTo(MARGIN.left + CONTENT_WIDTH, top + 38).lineWidth(1.5).strokeColor(COLOR.brand).stroke());
    pdf.y = top + 56;
    this.tagged(this.root, 'H1', {}, () => pdf.font(BOLD).fontSize(SIZE.h1).fillColor(COLOR.brand).text(t.title, MARGIN.left, pdf.y, { width: CONTENT_WIDTH }));
    this.tagged(this.root, 'P', {}, () => pdf.font(BODY).fontSize(11).fillColor(COLOR.muted).text(t.subtitle, MARGIN.left, pdf.y + 2, { width: CONTENT_WIDTH }));
    pdf.y += 12;
  }

  parties(doc: StatementDocument): void {
    const { t } = this;
    this.field(t.labels.expert, doc.expertName);
    if (doc.payee.kind === 'association') {
      this.field(t.labels.payee, doc.payee.name);
      if (doc.payee.businessId) this.field(t.labels.businessId, doc.payee.businessId);
    } else if (doc.payee.kind === 'expert') {
      this.field(t.labels.taxCard, t.taxCard(doc.taxPercent));
    }
    const note = t.payeeNote(doc.payee);
    if (note) this.paragraph(this.root, note);
    this.pdf.y += 8;
  }

  table(lines: StatementLine[], totals: StatementTotals): void {
    const { pdf, t } = this;
    const table = pdf.struct('Table');
    this.root.add(table);
    this.headerRow(table);
    lines.forEach((line) => {
      const cells = [
        t.formatDate(line.workDate),
        line.title,
        t.formatHours(line.quarterHours),
        t.formatMoney(line.grossFeeCents),
        t.formatMoney(line.travelAndCostsCents),
        t.formatMoney(line.withholdingCents),
        t.formatMoney(line.netCents),
      ];
      this.row(table, cells, false);
    });
    const total = [
      '',
      t.total,
      t.formatHours(totals.quarterHours),
      t.formatMoney(totals.grossFeeCents),
      t.formatMoney(totals.travelAndCostsCents),
      t.formatMoney(totals.withholdingCents),
      t.formatMoney(totals.netCents),
    ];
    this.row(table, total, true);
    this.rules();
    table.end();
    pdf.x = MARGIN.left;
    pdf.y += 10;
  }

  notes(): void {
    this.t.notes.forEach((note) => this.paragraph(this.root, note, SIZE.small, COLOR.muted));
  }

  // Footer with the run and "page n of m" on every page, written once all pages exist.
  pageFurniture(doc: StatementDocument): void {
    const { pdf, t } = this;
    const { start, count } = pdf.bufferedPageRange();
    for (let i = 0; i < count; i++) {
      pdf.switchToPage(start + i);
      const bottomMargin = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0;
      pdf.markContent('Artifact', { type: 'Pagination' });
      const footerY = PAGE.height - 48;
      pdf.moveTo(MARGIN.left, footerY - 8).lineTo(MARGIN.left + CONTENT_WIDTH, footerY - 8).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
      pdf
        .font(BODY)
        .fontSize(SIZE.small)
        .fillColor(COLOR.muted)
        .text(`${t.title} · ${doc.expertName} · ${t.labels.run} ${doc.runReference}`, MARGIN.left, footerY, { width: CONTENT_WIDTH * 0.75, lineBreak: false });
      pdf.text(t.page(i + 1, count), MARGIN.left + CONTENT_WIDTH * 0.75, footerY, { width: CONTENT_WIDTH * 0.25, align: 'right', lineBreak: false });
      pdf.endMarkedContent();
      pdf.page.margins.bottom = bottomMargin;
    }
  }

  private headerRow(table: Struct | null): void {
    const { pdf, t } = this;
    const c = t.columns;
    const labels = [c.date, c.task, c.hours, c.fee, c.travel, c.withheld, c.net];
    pdf.font(BOLD).fontSize(SIZE.small);
    const height = Math.max(...labels.map((l, i) => pdf.heightOfString(l, { width: COLUMNS[i] - 2 * PAD }))) + 2 * PAD;
    const y = pdf.y;
    this.artifact(() => pdf.rect(MARGIN.left, y, CONTENT_WIDTH, height).fill(COLOR.head));
    const draw = (label: string, i: number) => () =>
      pdf
        .font(BOLD)
        .fontSize(SIZE.small)
        .fillColor(COLOR.text)
        .text(label, columnX(i) + PAD, y + PAD, { width: COLUMNS[i] - 2 * PAD, align: NUMERIC[i] ? 'right' : 'left' });
    if (table) {
      const row = pdf.struct('TR');
      table.add(row);
      // pdfkit supports Scope on TH although its typings do not list it.
      const scope = { scope: 'Column' } as StructOptions;
      labels.forEach((label, i) => row.add(pdf.struct('TH', scope, draw(label, i))));
      row.end();
    } else {
      // Repeated on a continuation page: decoration, the reader already has the real header.
      this.artifact(() => labels.forEach((label, i) => draw(label, i)()));
    }
    pdf.x = MARGIN.left;
    pdf.y = y + height;
  }

  // One line per row: a title too long for its cell is shortened with an ellipsis. The rules under the
  // rows are drawn once per page, as one path: a statement has hundreds of rows.
  private row(table: Struct, cells: string[], bold: boolean): void {
    const { pdf } = this;
    if (pdf.y + ROW_HEIGHT > CONTENT_BOTTOM) {
      this.rules();
      pdf.addPage();
      this.headerRow(null);
    }
    const y = pdf.y;
    const font = bold ? BOLD : BODY;
    pdf.font(font).fontSize(SIZE.table).fillColor(COLOR.text);
    const row = pdf.struct('TR');
    table.add(row);
    // Placed by hand on one line (no line wrapping): numbers flush right, text cut to fit.
    cells.forEach((text, i) => {
      const shown = NUMERIC[i] ? text : this.fit(text, COLUMNS[i] - 2 * PAD);
      const x = NUMERIC[i] ? columnX(i) + COLUMNS[i] - PAD - pdf.widthOfString(shown) : columnX(i) + PAD;
      row.add(pdf.struct('TD', {}, () => pdf.text(shown, x, y + PAD + 1, { lineBreak: false })));
    });
    row.end();
    this.ruleYs.push(y + ROW_HEIGHT);
    pdf.x = MARGIN.left;
    pdf.y = y + ROW_HEIGHT;
  }

  private rules(): void {
    const { pdf } = this;
    if (this.ruleYs.length === 0) return;
    this.artifact(() => {
      for (const y of this.ruleYs) pdf.moveTo(MARGIN.left, y).lineTo(MARGIN.left + CONTENT_WIDTH, y);
      pdf.lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    });
    this.ruleYs = [];
  }

  private fit(text: string, width: number): string {
    if (this.pdf.widthOfString(text) <= width) return text;
    const chars = [...text];
    let n = chars.length;
    while (n > 1 && this.pdf.widthOfString(`${chars.slice(0, n).join('').trimEnd()}…`) > width) n = Math.max(1, Math.floor(n * 0.9));
    return `${chars.slice(0, n).join('').trimEnd()}…`;
  }

  private field(label: string, value: string): void {
    const { pdf } = this;
    const labelWidth = 150;
    const y = pdf.y;
    let bottom = y;
    this.tagged(this.root, 'P', {}, () => {
      pdf.font(BODY).fontSize(SIZE.body).fillColor(COLOR.muted).text(label, MARGIN.left, y, { width: labelWidth - 10 });
      bottom = pdf.y;
      pdf.font(BOLD).fillColor(COLOR.text).text(value, MARGIN.left + labelWidth, y, { width: CONTENT_WIDTH - labelWidth });
      bottom = Math.max(bottom, pdf.y);
    });
    pdf.x = MARGIN.left;
    pdf.y = bottom + 3;
  }

  private paragraph(parent: Struct, text: string, size = SIZE.body, color = COLOR.text): void {
    const { pdf } = this;
    if (pdf.y + 3 * size > CONTENT_BOTTOM) pdf.addPage();
    this.tagged(parent, 'P', {}, () => pdf.font(BODY).fontSize(size).fillColor(color).text(text, MARGIN.left, pdf.y, { width: CONTENT_WIDTH, lineGap: 2, paragraphGap: 4 }));
  }

  private tagged(parent: Struct, type: string, options: StructOptions, draw: () => void): void {
    parent.add(this.pdf.struct(type, options, draw));
  }

  private artifact(draw: () => void): void {
    this.pdf.markContent('Artifact', { type: 'Layout' });
    draw();
    this.pdf.endMarkedContent();
  }
}
