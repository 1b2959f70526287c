import { A4, BODY, BOLD, instant, openArchivalPdf } from '../../../common/pdf/archival-pdf';
import { renderWithFixedSubsets } from '../../../common/pdf/fixed-font-subset';
import { TextSetter, TextStyle } from '../../../common/pdf/text-setter';
import { ContractDocument, ContractTaskLine } from './contract-document';
import { ContractTexts, contractTexts } from './contract-texts';

// Contract data in, PDF/A-2b bytes out. Pure: no clock, no randomness, no I/O after the fonts are first
// read, so the same ContractDocument always gives byte-identical output (its SHA-256 is stored).

type Pdf = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
type StructOptions = PDFKit.Mixins.StructureElementOptions;

const PAGE = A4;
const MARGIN = { top: 64, bottom: 72, left: 56, right: 56 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const CONTENT_BOTTOM = PAGE.height - MARGIN.bottom;

const COLOR = {
  text: '#1a1a1a',
  muted: '#555555',
  brand: '#1f4e79',
  rule: '#9fb3c8',
  tableHead: '#e6edf4',
  stripe: '#f5f7fa',
  noticeFill: '#fff4d6',
  noticeBorder: '#b7791f',
};

const SIZE = { body: 10, small: 8, table: 9, h1: 18, h2: 12 };
const BODY_TEXT = { width: CONTENT_WIDTH, lineGap: 2, paragraphGap: 5 };

// Columns of the task table: width in points; the widths add up to CONTENT_WIDTH.
const TASK_COLUMNS = [30, 110, 158, 110, CONTENT_WIDTH - 30 - 110 - 158 - 110];
const CELL_PAD = 4;

interface TextRun {
  text: string;
  font: typeof BODY | typeof BOLD;
  color: string;
}

// fixedSubsets: false renders with pdfkit's own font subsetting and text setting (the spec compares the two).
export function renderContractPdf(contract: ContractDocument, options: { fixedSubsets?: boolean } = {}): Buffer {
  if (options.fixedSubsets === false) return render(contract, false);
  return renderWithFixedSubsets((fixedSubsets) => render(contract, fixedSubsets));
}

function render(contract: ContractDocument, fixedSubsets: boolean): Buffer {
  const t = contractTexts(contract.language);
  // Document dates come from the data, never the clock; pdfkit derives the file /ID from the info
  // dictionary, so it is stable too.
  const createdAt = instant(contract.approvedBy?.at ?? `${contract.validFrom}T00:00:00Z`);
  const modifiedAt = instant(contract.signedBy?.at ?? contract.approvedBy?.at ?? `${contract.validFrom}T00:00:00Z`);
  const title = t.pdfTitle(contract.contractNumber.replace(/[<>&"']/g, ''), contract.version);

  const doc = openArchivalPdf({
    lang: t.pdfLang,
    title,
    author: t.countyName,
    createdAt,
    modifiedAt,
    margins: MARGIN,
    fixedSubsets,
  });
  const { pdf } = doc;
  pdf.font(BODY).fontSize(SIZE.body).fillColor(COLOR.text);

  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const w = new ContractWriter(pdf, new TextSetter(pdf, doc.fixedSubsets), root, t);
  w.header(contract);
  w.parties(contract);
  w.term(contract);
  w.tasks(contract.tasks);
  w.fee(contract);
  w.section(5, t.sections.travel, t.travel(t.formatMoney(contract.travel.carCentsPerKm), contract.travel.year));
  w.section(6, t.sections.cancellation, t.cancellation(contract.lateCancellation.hoursBefore));
  w.section(7, t.sections.confidentiality, t.confidentiality);
  w.section(8, t.sections.privacy, t.privacy);
  w.signatures(contract);
  root.end();
  w.pageFurniture(contract);

  pdf.end();
  return doc.bytes();
}

class ContractWriter {
  constructor(
    private readonly pdf: Pdf,
    private readonly ts: TextSetter,
    private readonly root: Struct,
    private readonly t: ContractTexts,
  ) {}

  header(contract: ContractDocument): void {
    const { pdf, t } = this;
    const top = 40;
    t.countyNames.forEach((name, i) => {
      this.tagged(this.root, 'P', { lang: name.lang }, () => {
        this.ts.text(name.text, MARGIN.left, top + i * 15, style(i === 0 ? BOLD : BODY, 11, COLOR.brand), {
          width: CONTENT_WIDTH / 2,
          lineBreak: false,
        });
      });
    });
    const meta = [`${t.contractNumberLabel} ${contract.contractNumber}`, `${t.versionLabel} ${contract.version}`];
    if (contract.supersedesNumber) {
      meta.push(`${t.supersedesLabel} ${contract.supersedesNumber}`);
    }
    meta.forEach((line, i) => {
      this.tagged(this.root, 'P', {}, () => {
        this.ts.text(line, MARGIN.left + CONTENT_WIDTH / 2, top + 1 + i * 12, style(i === 0 ? BOLD : BODY, 9, COLOR.text), {
            width: CONTENT_WIDTH / 2,
            align: 'right',
            lineBreak: false,
          });
      });
    });
    const ruleY = top + Math.max(2 * 15, meta.length * 12) + 8;
    this.artifact(() => {
      pdf
        .moveTo(MARGIN.left, ruleY)
        .lineTo(MARGIN.left + CONTENT_WIDTH, ruleY)
        .lineWidth(1.5)
        .strokeColor(COLOR.brand)
        .stroke();
    });

    pdf.y = ruleY + 18;
    this.tagged(this.root, 'H1', {}, () => {
      this.ts.text(t.title, MARGIN.left, pdf.y, style(BOLD, SIZE.h1, COLOR.brand), { width: CONTENT_WIDTH });
    });
    this.tagged(this.root, 'P', {}, () => {
      this.ts.text(t.subtitle, MARGIN.left, pdf.y + 2, style(BODY, 11, COLOR.muted), { width: CONTENT_WIDTH });
    });
    pdf.y += 10;
    if (t.informationCopy) {
      this.notice(t.informationCopy.heading, t.informationCopy.body);
    }
  }

  parties(contract: ContractDocument): void {
    const { t } = this;
    const p = t.parties;
    const sect = this.heading(1, t.sections.parties);
    const { orderer, expert } = contract;
    this.field(sect, p.countyLabel, t.countyName);
    this.field(sect, p.ordererLabel(orderer.kind), `${t.localName(orderer.nameFi, orderer.nameSv)} (${orderer.code})`);
    this.field(sect, p.expertLabel, expert.name);
    this.field(sect, p.dateOfBirthLabel, t.formatDate(expert.dateOfBirth));
    const municipalityFi = expert.municipalityFi ?? expert.municipalitySv;
    const municipalitySv = expert.municipalitySv ?? expert.municipalityFi;
    if (municipalityFi && municipalitySv) {
      this.field(sect, p.municipalityLabel, t.localName(municipalityFi, municipalitySv));
    }
  }

  term(contract: ContractDocument): void {
    const { t } = this;
    const lines = t.term(t.formatDate(contract.validFrom), t.formatDate(contract.validUntil));
    const supersedes = t.supersedes(contract.version, contract.supersedesNumber ?? null);
    this.section(2, t.sections.term, supersedes ? [...lines, supersedes] : lines);
  }

  tasks(tasks: ContractTaskLine[]): void {
    const { pdf, t } = this;
    const sect = this.heading(3, t.sections.tasks);
    this.paragraph(sect, t.tasks.intro(tasks.length));
    pdf.y += 2;
    const table = pdf.struct('Table');
    sect.add(table);
    this.taskHeaderRow(table);
    tasks.forEach((task, i) => this.taskRow(table, i, task));
    table.end();
    pdf.x = MARGIN.left;
    pdf.y += 8;
  }

  fee(contract: ContractDocument): void {
    const { t } = this;
    const { fee } = contract;
    const lines =
      fee.payee === 'declined'
        ? [t.fee.payee('declined', '')]
        : [
            t.fee.rate(fee.basis, t.formatMoney(fee.rateCents)),
            t.fee.expected(t.formatMoney(fee.expectedCents)),
            t.fee.payee(fee.payee, fee.associationName ?? ''),
            t.fee.notEmployment,
          ];
    this.section(4, t.sections.fee, lines);
  }

  signatures(contract: ContractDocument): void {
    const { t } = this;
    const s = t.signatures;
    const sect = this.heading(9, t.sections.signatures);
    this.paragraph(sect, s.intro);
    this.pdf.y += 4;
    const approved = contract.approvedBy;
    const signed = contract.signedBy;
    this.field(sect, s.approvedLabel, approved ? `${approved.name}, ${t.formatInstant(approved.at)}` : s.notApproved);
    this.field(sect, s.signedLabel, signed ? `${signed.name}, ${t.formatInstant(signed.at)}` : s.notSigned);
  }

  section(n: number, heading: string, paragraphs: string[]): void {
    const sect = this.heading(n, heading);
    paragraphs.forEach((text) => this.paragraph(sect, text));
  }

  // Running header (from page 2), footer and "Page n of m" on every page, written once all pages exist.
  pageFurniture(contract: ContractDocument): void {
    const { pdf, t } = this;
    const { start, count } = pdf.bufferedPageRange();
    const reference = `${contract.contractNumber} · ${t.versionLabel} ${contract.version}`;
    const footerNote = t.informationCopy ? `${reference} · ${t.informationCopy.footer}` : reference;
    for (let i = 0; i < count; i++) {
      pdf.switchToPage(start + i);
      // Writing inside the bottom margin must not make pdfkit open a new page.
      const bottomMargin = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0;
      pdf.markContent('Artifact', { type: 'Pagination' });
      if (i > 0) {
        this.ts.text(`${t.countyName} · ${t.title}`, MARGIN.left, 32, style(BODY, SIZE.small, COLOR.muted), {
          width: CONTENT_WIDTH,
          lineBreak: false,
        });
        pdf
          .moveTo(MARGIN.left, 46)
          .lineTo(MARGIN.left + CONTENT_WIDTH, 46)
          .lineWidth(0.5)
          .strokeColor(COLOR.rule)
          .stroke();
      }
      const footerY = PAGE.height - 48;
      pdf
        .moveTo(MARGIN.left, footerY - 8)
        .lineTo(MARGIN.left + CONTENT_WIDTH, footerY - 8)
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .stroke();
      this.ts.text(footerNote, MARGIN.left, footerY, style(t.informationCopy ? BOLD : BODY, SIZE.small, COLOR.muted), {
        width: CONTENT_WIDTH * 0.75,
        lineBreak: false,
      });
      this.ts.text(t.page(i + 1, count), MARGIN.left + CONTENT_WIDTH * 0.75, footerY, style(BODY, SIZE.small, COLOR.muted), {
          width: CONTENT_WIDTH * 0.25,
          align: 'right',
          lineBreak: false,
        });
      pdf.endMarkedContent();
      pdf.page.margins.bottom = bottomMargin;
    }
  }

  private heading(n: number, text: string): Struct {
    const { pdf } = this;
    // Keep a heading together with at least a couple of lines of what follows.
    this.ensureSpace(SIZE.h2 + 48);
    pdf.y += 8;
    const sect = pdf.struct('Sect');
    this.root.add(sect);
    pdf.outline.addItem(`${n}. ${text}`);
    this.tagged(sect, 'H2', {}, () => {
      this.ts.text(`${n}. ${text}`, MARGIN.left, pdf.y, style(BOLD, SIZE.h2, COLOR.brand), { width: CONTENT_WIDTH, paragraphGap: 4 });
    });
    return sect;
  }

  private paragraph(parent: Struct, text: string): void {
    const { pdf } = this;
    this.tagged(parent, 'P', {}, () => {
      this.ts.text(text, MARGIN.left, pdf.y, style(BODY, SIZE.body, COLOR.text), BODY_TEXT);
    });
  }

  // A label and its value side by side, read as one paragraph ("Date of birth 1 February 1980").
  private field(parent: Struct, label: string, value: string): void {
    const { pdf } = this;
    const labelWidth = 180;
    const valueWidth = CONTENT_WIDTH - labelWidth;
    pdf.fontSize(SIZE.body);
    // Line count from the unwrapped widths plus one spare line: far cheaper than heightOfString, and
    // only used to keep a label and its value on the same page.
    const lines =
      Math.max(
        Math.ceil(this.ts.widthOf(label, style(BODY, SIZE.body)) / (labelWidth - 10)),
        Math.ceil(this.ts.widthOf(value, style(BOLD, SIZE.body)) / valueWidth),
      ) + 1;
    this.ensureSpace(lines * pdf.currentLineHeight(true));
    const y = pdf.y;
    let bottom = y;
    this.tagged(parent, 'P', {}, () => {
      this.ts.text(label, MARGIN.left, y, style(BODY, SIZE.body, COLOR.muted), { width: labelWidth - 10, lineGap: 2 });
      bottom = pdf.y;
      this.ts.text(value, MARGIN.left + labelWidth, y, style(BOLD, SIZE.body, COLOR.text), { width: valueWidth, lineGap: 2 });
      bottom = Math.max(bottom, pdf.y);
    });
    pdf.x = MARGIN.left;
    pdf.y = bottom + 4;
  }

  private notice(heading: string, body: string): void {
    const { pdf } = this;
    const pad = 8;
    const width = CONTENT_WIDTH - 2 * pad;
    pdf.fontSize(SIZE.body);
    const headingHeight = this.ts.heightOf(heading, style(BOLD, SIZE.body), { width });
    const bodyHeight = this.ts.heightOf(body, style(BODY, SIZE.body), { width, lineGap: 2 });
    const top = pdf.y;
    const height = headingHeight + bodyHeight + 2 * pad + 4;
    this.artifact(() => {
      pdf
        .rect(MARGIN.left, top, CONTENT_WIDTH, height)
        .lineWidth(1.5)
        .fillAndStroke(COLOR.noticeFill, COLOR.noticeBorder);
    });
    this.tagged(this.root, 'P', {}, () => {
      this.ts.text(heading, MARGIN.left + pad, top + pad, style(BOLD, SIZE.body, COLOR.noticeBorder), { width });
    });
    this.tagged(this.root, 'P', {}, () => {
      this.ts.text(body, MARGIN.left + pad, top + pad + headingHeight + 4, style(BODY, SIZE.body, COLOR.text), { width, lineGap: 2 });
    });
    pdf.x = MARGIN.left;
    pdf.y = top + height + 8;
  }

  private taskHeaderRow(table: Struct | null): void {
    const { pdf, t } = this;
    const c = t.tasks.columns;
    const labels = [c.index, c.when, c.task, c.place, c.preparation];
    pdf.font(BOLD).fontSize(SIZE.table);
    const headStyle = style(BOLD, SIZE.table, COLOR.text);
    const height = Math.max(...labels.map((l, i) => this.ts.heightOf(l, headStyle, { width: TASK_COLUMNS[i] - 2 * CELL_PAD }))) + 2 * CELL_PAD;
    const y = pdf.y;
    this.artifact(() => {
      pdf.rect(MARGIN.left, y, CONTENT_WIDTH, height).fill(COLOR.tableHead);
    });
    const draw = (label: string, i: number) => () => {
      this.ts.text(label, columnX(i) + CELL_PAD, y + CELL_PAD, headStyle, { width: TASK_COLUMNS[i] - 2 * CELL_PAD });
    };
    if (table) {
      const row = pdf.struct('TR');
      table.add(row);
      // pdfkit supports Scope on TH although its typings do not list it.
      const scope = { scope: 'Column' } as StructOptions;
      labels.forEach((label, i) => row.add(pdf.struct('TH', scope, draw(label, i))));
      row.end();
    } else {
      // A header repeated on a continuation page is decoration; the reader already has the real one.
      this.artifact(() => labels.forEach((label, i) => draw(label, i)()));
    }
    pdf.x = MARGIN.left;
    pdf.y = y + height;
  }

  private taskRow(table: Struct, index: number, task: ContractTaskLine): void {
    const { pdf, t } = this;
    const place = task.place.remote
      ? t.tasks.remote
      : `${task.place.address}\n${t.localName(task.place.municipalityFi, task.place.municipalitySv)}`;
    const cells: TextRun[][] = [
      [{ text: String(index + 1), font: BODY, color: COLOR.text }],
      [{ text: t.formatTaskTime(task.startsAt, task.endsAt).join('\n'), font: BODY, color: COLOR.text }],
      [
        { text: task.title, font: BOLD, color: COLOR.text },
        { text: t.tasks.taskTypes[task.taskType], font: BODY, color: COLOR.muted },
      ],
      [{ text: place, font: BODY, color: COLOR.text }],
      [{ text: t.formatDuration(task.preparationMinutes), font: BODY, color: COLOR.text }],
    ];
    pdf.fontSize(SIZE.table);
    const heights = cells.map((runs, i) =>
      runs.reduce((sum, run) => sum + this.ts.heightOf(run.text, style(run.font, SIZE.table), { width: TASK_COLUMNS[i] - 2 * CELL_PAD }), 0),
    );
    const height = Math.max(...heights) + 2 * CELL_PAD;
    if (pdf.y + height > CONTENT_BOTTOM) {
      pdf.addPage();
      this.taskHeaderRow(null);
    }
    const y = pdf.y;
    this.artifact(() => {
      if (index % 2 === 1) {
        pdf.rect(MARGIN.left, y, CONTENT_WIDTH, height).fill(COLOR.stripe);
      }
      pdf
        .moveTo(MARGIN.left, y + height)
        .lineTo(MARGIN.left + CONTENT_WIDTH, y + height)
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .stroke();
    });
    const row = pdf.struct('TR');
    table.add(row);
    cells.forEach((runs, i) => {
      row.add(
        pdf.struct('TD', {}, () => {
          pdf.x = columnX(i) + CELL_PAD;
          pdf.y = y + CELL_PAD;
          for (const run of runs) {
            this.ts.text(run.text, columnX(i) + CELL_PAD, pdf.y, style(run.font, SIZE.table, run.color), {
              width: TASK_COLUMNS[i] - 2 * CELL_PAD,
            });
          }
        }),
      );
    });
    row.end();
    pdf.x = MARGIN.left;
    pdf.y = y + height;
  }

  private tagged(parent: Struct, type: string, options: StructOptions, draw: () => void): void {
    parent.add(this.pdf.struct(type, options, draw));
  }

  private artifact(draw: () => void): void {
    this.pdf.markContent('Artifact', { type: 'Layout' });
    draw();
    this.pdf.endMarkedContent();
  }

  private ensureSpace(height: number): void {
    if (this.pdf.y + height > CONTENT_BOTTOM) {
      this.pdf.addPage();
    }
  }
}

function style(font: string, size: number, color = COLOR.text): TextStyle {
  return { font, size, color };
}

function columnX(column: number): number {
  return MARGIN.left + TASK_COLUMNS.slice(0, column).reduce((a, b) => a + b, 0);
}
