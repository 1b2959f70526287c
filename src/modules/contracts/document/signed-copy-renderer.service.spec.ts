import { createHash } from 'node:crypto';
import pdfParse from 'pdf-parse';
import { PDFDocument } from 'pdf-lib';
import { DocumentLanguage } from './contract-document';
import { renderContractPdf } from './contract-pdf.renderer';
import { SignedCopyDocument, SignedCopyRenderer } from './signed-copy-renderer.service';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function approvedPdf(language: DocumentLanguage): Buffer {
  return renderContractPdf({
    language,
    contractNumber: 'KOK-2026-000123',
    version: 2,
    supersedesNumber: null,
    orderer: { kind: 'unit', code: 'PSY-01', nameFi: 'Psykiatrian poliklinikka', nameSv: 'Psykiatriska polikliniken' },
    expert: { name: 'Åsa Öhman-Äijälä', dateOfBirth: '1979-04-12' },
    validFrom: '2026-03-01',
    validUntil: '2026-03-31',
    tasks: [
      {
        startsAt: '2026-03-03T07:00:00Z',
        endsAt: '2026-03-03T09:00:00Z',
        taskType: 'lecture',
        title: 'Kokemuspuheenvuoro',
        place: { remote: true },
        preparationMinutes: 60,
      },
    ],
    fee: { basis: 'per_event', rateCents: 15000, expectedCents: 15000, payee: 'expert' },
    travel: { carCentsPerKm: 55, year: 2026, publicTransportByReceipt: true },
    lateCancellation: { hoursBefore: 48 },
    approvedBy: { name: 'Kaisa Koordinaattori', at: '2026-02-20T10:15:00Z' },
    signedBy: null,
  });
}

const page = (
  language: DocumentLanguage,
  approved: Buffer,
  overrides: Partial<SignedCopyDocument> = {},
): SignedCopyDocument => ({
  language,
  contractNumber: 'KOK-2026-000123',
  version: 2,
  // 21 Feb 2026 09:05 UTC is 11.05 in Helsinki (winter time).
  signer: {
    name: 'Åsa Öhman-Äijälä',
    at: '2026-02-21T09:05:00Z',
    ip: '192.0.2.44',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
  },
  approver: { name: 'Kaisa Koordinaattori', at: '2026-02-20T10:15:00Z' },
  approvedSha256: sha256(approved),
  ...overrides,
});

// The text of each page, whitespace collapsed.
async function pagesOf(pdf: Buffer): Promise<string[]> {
  const pages: string[] = [];
  const pagerender = async (p: { getTextContent(): Promise<{ items: { str: string }[] }> }) => {
    pages.push(
      (await p.getTextContent()).items
        .map((i) => i.str)
        .join(' ')
        .replace(/\s+/g, ' '),
    );
    return '';
  };
  await pdfParse(pdf, { pagerender } as never);
  return pages;
}

describe('SignedCopyRenderer', () => {
  const renderer = new SignedCopyRenderer();

  it('keeps the approved PDF byte for byte at the start and appends one page as an incremental update', async () => {
    const approved = approvedPdf('fi');
    const copy = await renderer.render(approved, page('fi', approved));
    expect(copy.originalLength).toBe(approved.length);
    expect(copy.bytes.subarray(0, approved.length).equals(approved)).toBe(true);
    expect(copy.pages).toBe(copy.originalPages + 1);
    // A reader follows the update: one page more, the catalog, /ID and metadata as they were.
    const tail = copy.bytes.subarray(approved.length).toString('latin1');
    const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(approved.toString('latin1'))![1];
    expect(tail).toContain(`/Prev ${startxref}`);
    const [first, second] = /\/ID \[(<\w+>) ?(<\w+>)\]/.exec(approved.toString('latin1'))!.slice(1);
    expect(tail).toMatch(new RegExp(`/ID \\[ ?${first} ${second} ?\\]`));
    expect(tail.trimEnd().endsWith('%%EOF')).toBe(true);
    expect((await PDFDocument.load(copy.bytes)).getPageCount()).toBe(copy.pages);
    expect((await pdfParse(copy.bytes)).numpages).toBe(copy.pages);
  });

  it('gives the same bytes for the same input', async () => {
    const approved = approvedPdf('sv');
    const a = await renderer.render(approved, page('sv', approved));
    const b = await renderer.render(approved, page('sv', approved));
    expect(a.bytes.equals(b.bytes)).toBe(true);
  });

  it.each([
    [
      'fi',
      'Allekirjoitusvahvistus',
      '21.2.2026 klo 11.05 (Suomen aikaa)',
      'ensimmäiset',
      (n: number) => `Sivu ${n} / ${n}`,
    ],
    [
      'sv',
      'Underskriftsbekräftelse',
      '21.2.2026 kl. 11.05 (finsk tid)',
      'De första',
      (n: number) => `Sida ${n} / ${n}`,
    ],
    [
      'en',
      'Signature confirmation',
      '21 February 2026 at 11:05 (Finnish time)',
      'The first',
      (n: number) => `Page ${n} of ${n}`,
    ],
  ] as const)(
    'names the signer, the time in Helsinki, the address, the browser and the approved document’s SHA-256 (%s)',
    async (language, title, time, check, pageLabel) => {
      const approved = approvedPdf(language);
      const copy = await renderer.render(approved, page(language, approved));
      const pages = await pagesOf(copy.bytes);
      expect(pages).toHaveLength(copy.originalPages + 1);
      const last = pages[pages.length - 1];
      expect(last).toContain(title);
      expect(last).toContain('Åsa Öhman-Äijälä');
      expect(last).toContain(time);
      expect(last).toContain('192.0.2.44');
      expect(last).toContain('Firefox/140.0');
      expect(last).toContain('Kaisa Koordinaattori');
      expect(last).toContain(sha256(approved));
      expect(last).toContain(`${check} ${approved.length}`);
      expect(last).toContain(pageLabel(copy.pages));
      // The approved pages are the approved document's, and say nothing of the signature page.
      expect(pages.slice(0, -1).join(' ')).not.toContain(sha256(approved));
    },
  );

  it('leaves out an address or a browser that was not recorded', async () => {
    const approved = approvedPdf('fi');
    const copy = await renderer.render(
      approved,
      page('fi', approved, { signer: { name: 'Åsa', at: '2026-02-21T09:05:00Z', ip: null, userAgent: null } }),
    );
    const last = (await pagesOf(copy.bytes)).pop()!;
    expect(last).not.toContain('IP-osoite');
    expect(last).not.toContain('user agent');
  });
});
