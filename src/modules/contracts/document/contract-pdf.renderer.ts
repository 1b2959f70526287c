import { BODY, BOLD, instant, renderTaggedPdf } from '../../../common/pdf/archival-pdf';
import { renderWithFixedSubsets } from '../../../common/pdf/fixed-font-subset';
import { a4Frame, DocumentWriter, HOUSE_COLOR, TableColumns, textStyle } from '../../../common/pdf/document-writer';
import { ContractDocument, ContractTaskLine } from './contract-document';
import { titleSafeNumber } from './contract-number.util';
import { ContractTexts, contractTexts } from './contract-texts';

// Contract data in, PDF/A-2b bytes out. Pure: no clock, no randomness, no I/O after the fonts are first
// read, so the same ContractDocument always gives byte-identical output (its SHA-256 is stored).

type Struct = PDFKit.PDFStructureElement;

const MARGIN = { top: 64, bottom: 72, left: 56, right: 56 };
const FRAME = a4Frame(MARGIN);
const CONTENT_WIDTH = FRAME.width;

const COLOR = {
  ...HOUSE_COLOR,
  stripe: '#f5f7fa',
  noticeFill: '#fff4d6',
  noticeBorder: '#b7791f',
};

const SIZE = { body: 10, small: 8, table: 9, h1: 18, h2: 12 };
const BODY_TEXT = { width: CONTENT_WIDTH, lineGap: 2, paragraphGap: 5 };

// Columns of the task table: width in points; the widths add up to CONTENT_WIDTH.
const TASK_COLUMNS: TableColumns = { widths: [30, 110, 158, 110, CONTENT_WIDTH - 30 - 110 - 158 - 110], padding: 4 };
const FIELD = { labelWidth: 180, lineGap: 2, spaceAfter: 4, size: SIZE.body };

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
  const title = t.pdfTitle(titleSafeNumber(contract.contractNumber), contract.version);

  return renderTaggedPdf(
    {
      lang: t.pdfLang,
      title,
      author: t.countyName,
      createdAt,
      modifiedAt,
      margins: MARGIN,
      fixedSubsets,
      bodyStyle: textStyle(BODY, SIZE.body, COLOR.text),
    },
    (pdf, ts, root) => new ContractWriter(pdf, ts, root, FRAME, t),
    (w) => {
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
    },
    (w) => w.furniture(contract),
  );
}

class ContractWriter extends DocumentWriter<ContractTexts> {
  header(contract: ContractDocument): void {
    const { t } = this;
    const references = [`${t.contractNumberLabel} ${contract.contractNumber}`, `${t.versionLabel} ${contract.version}`];
    if (contract.supersedesNumber) {
      references.push(`${t.supersedesLabel} ${contract.supersedesNumber}`);
    }
    this.letterhead(t.countyNames, references, t.title, t.subtitle, 10);
    if (contract.draft) {
      this.notice(t.draftCopy.heading, t.draftCopy.body);
    }
    if (t.informationCopy) {
      this.notice(t.informationCopy.heading, t.informationCopy.body);
    }
  }

  parties(contract: ContractDocument): void {
    const { t } = this;
    const p = t.parties;
    const sect = this.heading(1, t.sections.parties);
    const { orderer, expert } = contract;
    this.field(sect, p.countyLabel, t.countyName, FIELD);
    this.field(
      sect,
      p.ordererLabel(orderer.kind),
      `${t.localName(orderer.nameFi, orderer.nameSv)} (${orderer.code})`,
      FIELD,
    );
    this.field(sect, p.expertLabel, expert.name, FIELD);
    this.field(sect, p.dateOfBirthLabel, t.formatDate(expert.dateOfBirth), FIELD);
    const municipalityFi = expert.municipalityFi ?? expert.municipalitySv;
    const municipalitySv = expert.municipalitySv ?? expert.municipalityFi;
    if (municipalityFi && municipalitySv) {
      this.field(sect, p.municipalityLabel, t.localName(municipalityFi, municipalitySv), FIELD);
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
    this.field(
      sect,
      s.approvedLabel,
      approved ? `${approved.name}, ${t.formatInstant(approved.at)}` : s.notApproved,
      FIELD,
    );
    this.field(sect, s.signedLabel, signed ? `${signed.name}, ${t.formatInstant(signed.at)}` : s.notSigned, FIELD);
  }

  section(n: number, heading: string, paragraphs: string[]): void {
    const sect = this.heading(n, heading);
    paragraphs.forEach((text) => this.paragraph(sect, text));
  }

  furniture(contract: ContractDocument): void {
    const { t } = this;
    const reference = `${contract.contractNumber} · ${t.versionLabel} ${contract.version}`;
    const marks = [contract.draft ? t.draftCopy.footer : null, t.informationCopy?.footer ?? null].filter(
      (m): m is string => m !== null,
    );
    this.pageFurniture(
      {
        note: [reference, ...marks].join(' · '),
        bold: marks.length > 0,
      },
      (page, count) => t.page(page, count),
      `${t.countyName} · ${t.title}`,
    );
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
      this.ts.text(`${n}. ${text}`, MARGIN.left, pdf.y, textStyle(BOLD, SIZE.h2, COLOR.brand), {
        width: CONTENT_WIDTH,
        paragraphGap: 4,
      });
    });
    return sect;
  }

  private paragraph(parent: Struct, text: string): void {
    const { pdf } = this;
    this.tagged(parent, 'P', {}, () => {
      this.ts.text(text, MARGIN.left, pdf.y, textStyle(BODY, SIZE.body, COLOR.text), BODY_TEXT);
    });
  }

  private notice(heading: string, body: string): void {
    const { pdf } = this;
    const pad = 8;
    const width = CONTENT_WIDTH - 2 * pad;
    pdf.fontSize(SIZE.body);
    const headingHeight = this.ts.heightOf(heading, textStyle(BOLD, SIZE.body), { width });
    const bodyHeight = this.ts.heightOf(body, textStyle(BODY, SIZE.body), { width, lineGap: 2 });
    const top = pdf.y;
    const height = headingHeight + bodyHeight + 2 * pad + 4;
    this.artifact(() => {
      pdf
        .rect(MARGIN.left, top, CONTENT_WIDTH, height)
        .lineWidth(1.5)
        .fillAndStroke(COLOR.noticeFill, COLOR.noticeBorder);
    });
    this.tagged(this.root, 'P', {}, () => {
      this.ts.text(heading, MARGIN.left + pad, top + pad, textStyle(BOLD, SIZE.body, COLOR.noticeBorder), { width });
    });
    this.tagged(this.root, 'P', {}, () => {
      this.ts.text(body, MARGIN.left + pad, top + pad + headingHeight + 4, textStyle(BODY, SIZE.body, COLOR.text), {
        width,
        lineGap: 2,
      });
    });
    pdf.x = MARGIN.left;
    pdf.y = top + height + 8;
  }

  private taskHeaderRow(table: Struct | null): void {
    const c = this.t.tasks.columns;
    this.tableHeader(table, [c.index, c.when, c.task, c.place, c.preparation], TASK_COLUMNS, SIZE.table);
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
      runs.reduce(
        (sum, run) =>
          sum +
          this.ts.heightOf(run.text, textStyle(run.font, SIZE.table), {
            width: TASK_COLUMNS.widths[i] - 2 * TASK_COLUMNS.padding,
          }),
        0,
      ),
    );
    const height = Math.max(...heights) + 2 * TASK_COLUMNS.padding;
    if (pdf.y + height > FRAME.bottom) {
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
          pdf.x = this.columnX(TASK_COLUMNS, i) + TASK_COLUMNS.padding;
          pdf.y = y + TASK_COLUMNS.padding;
          for (const run of runs) {
            this.ts.text(
              run.text,
              this.columnX(TASK_COLUMNS, i) + TASK_COLUMNS.padding,
              pdf.y,
              textStyle(run.font, SIZE.table, run.color),
              {
                width: TASK_COLUMNS.widths[i] - 2 * TASK_COLUMNS.padding,
              },
            );
          }
        }),
      );
    });
    row.end();
    pdf.x = MARGIN.left;
    pdf.y = y + height;
  }
}
