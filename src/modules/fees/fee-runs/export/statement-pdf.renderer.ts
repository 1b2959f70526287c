import { BODY, BOLD, instant, renderTaggedPdf } from '../../../../common/pdf/archival-pdf';
import { a4Frame, DocumentWriter, HOUSE_COLOR, TableColumns, textStyle } from '../../../../common/pdf/document-writer';
import { renderWithFixedSubsets } from '../../../../common/pdf/fixed-font-subset';
import { TextStyle } from '../../../../common/pdf/text-setter';
import { StatementDocument, StatementLine, statementTotals, StatementTotals } from './statement-document';
import { StatementTexts, statementTexts } from './statement-texts';

// A payee's statement for one fee run: data in, PDF/A-2b bytes out, following the contract renderer's
// conventions (DejaVu Sans, tagged structure, document language, no clock, no randomness): the same
// StatementDocument always gives byte-identical output.

type Struct = PDFKit.PDFStructureElement;

const MARGIN = { top: 64, bottom: 72, left: 48, right: 48 };
const FRAME = a4Frame(MARGIN);
const CONTENT_WIDTH = FRAME.width;
const COLOR = HOUSE_COLOR;
const SIZE = { body: 10, small: 8, table: 8, h1: 18 };
const MIN_TABLE_SIZE = 6;

// Date, task, hours, fee, travel and costs, withheld, net: the widths add up to CONTENT_WIDTH, an amount up
// to "99 999,99 €" fits its column, and so does each word of a header (the withholding column is wide enough
// for "innehållning"; the compound is split at a soft hyphen, "Förskotts-" / "innehållning").
const COLUMNS: TableColumns = {
  widths: [56, 147.28, 44, 62, 62, 66, 62],
  numeric: [false, false, true, true, true, true, true],
  padding: 4,
};
const ROW_HEIGHT = SIZE.table + 2 * COLUMNS.padding + 3;
const FIELD = { labelWidth: 150, lineGap: 0, spaceAfter: 3, size: SIZE.body };

export function renderStatementPdf(
  doc: StatementDocument,
  options: { pdfkitStream?: boolean; fixedSubsets?: boolean } = {},
): Buffer {
  if (options.fixedSubsets === false) return render(doc, false, options.pdfkitStream);
  return renderWithFixedSubsets((fixedSubsets) => render(doc, fixedSubsets, options.pdfkitStream));
}

function render(doc: StatementDocument, fixedSubsets: boolean, pdfkitStream = false): Buffer {
  const t = statementTexts(doc.language);
  const issuedAt = instant(doc.issuedAt);
  return renderTaggedPdf(
    {
      lang: t.pdfLang,
      title: t.pdfTitle(doc.runReference),
      author: t.countyName,
      createdAt: issuedAt,
      modifiedAt: issuedAt,
      margins: MARGIN,
      fixedSubsets,
      pdfkitStream,
      bodyStyle: textStyle(BODY, SIZE.body, COLOR.text),
    },
    (pdf, ts, root) => new StatementWriter(pdf, ts, root, FRAME, t),
    (w) => {
      w.header(doc);
      w.parties(doc);
      w.table(doc.lines, statementTotals(doc.lines));
      w.notes();
    },
    (w) => w.furniture(doc),
  );
}

class StatementWriter extends DocumentWriter<StatementTexts> {
  private ruleYs: number[] = [];

  header(doc: StatementDocument): void {
    const { t } = this;
    this.letterhead(
      t.countyNames,
      [`${t.labels.run} ${doc.runReference}`, `${t.labels.issued} ${t.formatInstant(doc.issuedAt)}`],
      t.title,
      t.subtitle,
      12,
    );
  }

  parties(doc: StatementDocument): void {
    const { t } = this;
    this.field(this.root, t.labels.expert, doc.expertName, FIELD);
    this.field(this.root, t.labels.paymentDate, t.formatDate(doc.paymentDate), FIELD);
    if (doc.payee.kind === 'association') {
      this.field(this.root, t.labels.payee, doc.payee.name, FIELD);
      if (doc.payee.businessId) this.field(this.root, t.labels.businessId, doc.payee.businessId, FIELD);
    } else if (doc.payee.kind === 'expert') {
      this.field(this.root, t.labels.taxCard, t.taxCard(doc.taxPercent), FIELD);
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
    // A line and the total carry the same figures: hours, then the amounts of money in the columns' order.
    const figures = (f: StatementTotals) => [
      t.formatHours(f.quarterHours),
      ...[f.grossFeeCents, f.travelAndCostsCents, f.withholdingCents, f.netCents].map((cents) => t.formatMoney(cents)),
    ];
    lines.forEach((line) => this.row(table, [t.formatDate(line.workDate), line.title, ...figures(line)], false));
    this.row(table, ['', t.total, ...figures(totals)], true);
    this.rules();
    table.end();
    pdf.x = MARGIN.left;
    pdf.y += 10;
  }

  notes(): void {
    this.t.notes.forEach((note) => this.paragraph(this.root, note, SIZE.small, COLOR.muted));
  }

  furniture(doc: StatementDocument): void {
    const { t } = this;
    this.pageFurniture(
      { note: `${t.title} · ${doc.expertName} · ${t.labels.run} ${doc.runReference}`, bold: false },
      (page, count) => t.page(page, count),
    );
  }

  private headerRow(table: Struct | null): void {
    const c = this.t.columns;
    this.tableHeader(table, [c.date, c.task, c.hours, c.fee, c.travel, c.withheld, c.net], COLUMNS, SIZE.small);
  }

  // A row is one line high unless a title needs more: it wraps at word boundaries and is shown whole. The rules
  // under the rows are drawn once per page, as one path: a statement has hundreds of rows.
  private row(table: Struct, cells: string[], bold: boolean): void {
    const { pdf } = this;
    const style = textStyle(bold ? BOLD : BODY, SIZE.table);
    const widths = COLUMNS.widths.map((w) => w - 2 * COLUMNS.padding);
    const text = cells.map((cell, i) => !COLUMNS.numeric![i] && cell.length > 0);
    const styles = cells.map((cell, i) => (text[i] ? this.wordsFit(cell, style, widths[i]) : style));
    const oneLine = this.ts.heightOf('0', style, { width: widths[0] });
    const extra = Math.max(
      0,
      ...cells.map((cell, i) => (text[i] ? this.ts.heightOf(cell, styles[i], { width: widths[i] }) - oneLine : 0)),
    );
    const height = ROW_HEIGHT + extra;
    if (pdf.y + height > FRAME.bottom) {
      this.rules();
      pdf.addPage();
      this.headerRow(null);
    }
    const y = pdf.y;
    pdf.font(style.font).fontSize(style.size);
    const row = pdf.struct('TR');
    table.add(row);
    cells.forEach((cell, i) => {
      const x = this.columnX(COLUMNS, i) + COLUMNS.padding;
      const box = text[i]
        ? { width: widths[i] }
        : {
            width: widths[i],
            align: COLUMNS.numeric![i] ? ('right' as const) : ('left' as const),
            lineBreak: false as const,
          };
      row.add(pdf.struct('TD', {}, () => this.ts.text(cell, x, y + COLUMNS.padding + 1, styles[i], box)));
    });
    row.end();
    this.ruleYs.push(y + height);
    pdf.x = MARGIN.left;
    pdf.y = y + height;
  }

  // A word wider than its cell would be broken between letters: the cell's text is set smaller until its
  // longest word fits (down to MIN_TABLE_SIZE), so titles break only between words.
  private wordsFit(text: string, style: TextStyle, width: number): TextStyle {
    const widest = Math.max(...text.split(/\s+|(?<=-)/).map((word) => this.ts.widthOf(word, style)));
    if (widest <= width) return style;
    return { ...style, size: Math.max(MIN_TABLE_SIZE, Math.floor((style.size * width * 10) / widest) / 10) };
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

  private paragraph(parent: Struct, text: string, size = SIZE.body, color = COLOR.text): void {
    const { pdf } = this;
    if (pdf.y + 3 * size > FRAME.bottom) pdf.addPage();
    this.tagged(parent, 'P', {}, () =>
      this.ts.text(text, MARGIN.left, pdf.y, textStyle(BODY, size, color), {
        width: CONTENT_WIDTH,
        lineGap: 2,
        paragraphGap: 4,
      }),
    );
  }
}
