import { BODY, BOLD, instant, renderTaggedPdf } from '../../../common/pdf/archival-pdf';
import { a4Frame, DocumentWriter, HOUSE_COLOR, textStyle } from '../../../common/pdf/document-writer';
import { DocumentLanguage } from './contract-document';
import { titleSafeNumber } from './contract-number.util';
import { ContractTexts, contractTexts } from './contract-texts';
import { SignaturePageTexts, signaturePageTexts } from './signature-page-texts';

// The page appended to a signed contract's approved document (see incremental-append.ts): who signed, when
// (Helsinki time), from where, and the approved document's SHA-256. Pure, like the contract renderer: the
// same input gives the same bytes.

export interface SignaturePageDocument {
  language: DocumentLanguage;
  contractNumber: string;
  version: number;
  signer: { name: string; at: string /* ISO instant */; ip: string | null; userAgent: string | null };
  approver: { name: string; at: string } | null;
  approvedSha256: string;
  approvedBytes: number;
  approvedPages: number;
}

const MARGIN = { top: 64, bottom: 72, left: 56, right: 56 };
const FRAME = a4Frame(MARGIN);
const FIELD = { labelWidth: 180, lineGap: 2, spaceAfter: 6, size: 10 };

export function renderSignaturePage(doc: SignaturePageDocument): Buffer {
  // pdfkit's own subsetting: only the glyphs used, so the page adds a few kilobytes, not the whole repertoire.
  return render(doc, false);
}

function render(doc: SignaturePageDocument, fixedSubsets: boolean): Buffer {
  const c = contractTexts(doc.language);
  const s = signaturePageTexts(doc.language);
  const at = instant(doc.signer.at);
  return renderTaggedPdf(
    {
      lang: c.pdfLang,
      title: s.fileTitle(titleSafeNumber(doc.contractNumber), doc.version),
      author: c.countyName,
      createdAt: at,
      modifiedAt: at,
      margins: MARGIN,
      fixedSubsets,
    },
    (pdf, ts, root) => new SignaturePageWriter(pdf, ts, root, FRAME, { contract: c, page: s }),
    (w) => w.write(doc),
  );
}

// The page borrows the contract's words (letterhead, number, version) beside its own.
class SignaturePageWriter extends DocumentWriter<{ contract: ContractTexts; page: SignaturePageTexts }> {
  write(doc: SignaturePageDocument): void {
    const { contract: c, page: s } = this.t;
    const when = (iso: string) => (s.timeZone ? `${c.formatInstant(iso)} (${s.timeZone})` : c.formatInstant(iso));
    this.letterhead(
      c.countyNames,
      [`${c.contractNumberLabel} ${doc.contractNumber}`, `${c.versionLabel} ${doc.version}`],
      s.title,
      c.title,
      16,
    );
    this.paragraph(s.intro(doc.approvedPages));
    this.pdf.y += 6;
    this.field(this.root, s.signerLabel, doc.signer.name, FIELD);
    this.field(this.root, s.signedAtLabel, when(doc.signer.at), FIELD);
    this.field(this.root, s.methodLabel, s.method, FIELD);
    if (doc.signer.ip) this.field(this.root, s.ipLabel, doc.signer.ip, FIELD);
    if (doc.signer.userAgent) this.field(this.root, s.userAgentLabel, doc.signer.userAgent, FIELD);
    if (doc.approver) this.field(this.root, s.approverLabel, `${doc.approver.name}, ${when(doc.approver.at)}`, FIELD);
    this.pdf.y += 8;
    // The hash on a line of its own, whole, so that it can be read and compared.
    this.tagged(this.root, 'P', {}, () =>
      this.ts.text(s.hashLabel, FRAME.left, this.pdf.y, textStyle(BODY, 10, HOUSE_COLOR.muted), { width: FRAME.width }),
    );
    this.tagged(this.root, 'P', {}, () =>
      this.ts.text(doc.approvedSha256, FRAME.left, this.pdf.y + 2, textStyle(BOLD, 9), {
        width: FRAME.width,
        lineBreak: false,
      }),
    );
    this.pdf.y += 12;
    this.paragraph(s.check(doc.approvedBytes));
    const page = doc.approvedPages + 1;
    this.pageFurniture(
      { note: `${doc.contractNumber} · ${c.versionLabel} ${doc.version} · ${s.title}`, bold: false },
      () => c.page(page, page),
      `${c.countyName} · ${c.title}`,
    );
  }

  private paragraph(text: string): void {
    this.tagged(this.root, 'P', {}, () =>
      this.ts.text(text, FRAME.left, this.pdf.y, textStyle(BODY, 10), {
        width: FRAME.width,
        lineGap: 2,
        paragraphGap: 5,
      }),
    );
  }
}
