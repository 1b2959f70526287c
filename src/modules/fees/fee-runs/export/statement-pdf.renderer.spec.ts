import pdfParse from 'pdf-parse';
import { placedText } from '../../../../../test/utils/documents';
import { StatementDocument, StatementLine } from './statement-document';
import { renderStatementPdf } from './statement-pdf.renderer';

const line = (day: number, overrides: Partial<StatementLine> = {}): StatementLine => ({
  workDate: `2026-10-${String(day).padStart(2, '0')}`,
  title: `Asiakasraati ${day}`,
  taskType: 'working_group',
  incomeType: '210',
  quarterHours: 11,
  grossFeeCents: 6875,
  travelAndCostsCents: 1828,
  withholdingCents: 859,
  netCents: 7844,
  ...overrides,
});

const statement = (overrides: Partial<StatementDocument> = {}): StatementDocument => ({
  language: 'fi',
  runReference: '3f2b9c1e',
  issuedAt: '2026-11-02T10:00:00Z',
  paymentDate: '2026-11-06',
  expertName: 'Åsa Öhman-Äijälä',
  payee: { kind: 'expert', name: 'Åsa Öhman-Äijälä' },
  taxPercent: '12.50',
  lines: [
    line(20),
    line(27, {
      title: 'Kokemuspuheenvuoro: ÄÖÅ äöå',
      taskType: 'lecture',
      incomeType: '214',
      quarterHours: 4,
      grossFeeCents: 15000,
      travelAndCostsCents: 0,
      withholdingCents: 1875,
      netCents: 13125,
    }),
  ],
  ...overrides,
});

interface TextItem {
  str: string;
}
interface PageData {
  getTextContent(): Promise<{ items: TextItem[] }>;
}

// Every text item of every page joined by '|', so that table cells read apart: "20.10.2026|Asiakasraati 20|2,75|...".
async function textOf(pdf: Buffer): Promise<string> {
  const pagerender = async (page: PageData) => (await page.getTextContent()).items.map((i) => i.str).join('|');
  return (await pdfParse(pdf, { pagerender } as never)).text.replace(/\s+/g, ' ');
}

describe('renderStatementPdf', () => {
  it('lists each assignment with hours, fee, travel, withholding and net, and the totals, in Finnish', async () => {
    const text = await textOf(renderStatementPdf(statement()));
    expect(text).toContain('Palkkioerittely');
    expect(text).toContain('Åsa Öhman-Äijälä');
    expect(text).toContain('Verokortin mukaan 12,50 %');
    expect(text).toContain('Maksupäivä|6.11.2026');
    expect(text).toContain('20.10.2026|Asiakasraati 20|2,75|68,75 €|18,28 €|8,59 €|78,44 €');
    expect(text).toContain('Kokemuspuheenvuoro: ÄÖÅ äöå|1,00|150,00 €|0,00 €|18,75 €|131,25 €');
    expect(text).toContain('Yhteensä|3,75|218,75 €|18,28 €|27,34 €|209,69 €');
    expect(text).toContain('tulolaji 210');
    expect(text).toMatch(/Sivu 1 \/ 1/);
  });

  it('speaks Swedish and English', async () => {
    const sv = await textOf(renderStatementPdf(statement({ language: 'sv' })));
    expect(sv).toContain('Arvodesspecifikation');
    expect(sv).toContain('Sammanlagt|3,75|218,75 €|18,28 €|27,34 €|209,69 €');
    expect(sv).toContain('Förskottsinnehållning');
    expect(sv).toContain('Betalningsdag|6.11.2026');
    const en = await textOf(renderStatementPdf(statement({ language: 'en' })));
    expect(en).toContain('Fee statement');
    expect(en).toContain('Total|3.75|€218.75|€18.28|€27.34|€209.69');
    expect(en).toContain('27/10/2026|Kokemuspuheenvuoro');
    expect(en).toContain('Issued 2 Nov 2026');
    expect(en).toContain('Payment date|06/11/2026');
  });

  it('names the association that is paid, and the volunteer who declined the fee', async () => {
    const association = await textOf(
      renderStatementPdf(
        statement({
          payee: { kind: 'association', name: 'Mielenterveysyhdistys Vaasa ry', businessId: '1572860-0' },
          taxPercent: null,
        }),
      ),
    );
    expect(association).toContain('Mielenterveysyhdistys Vaasa ry');
    expect(association).toContain('1572860-0');
    const declined = await textOf(renderStatementPdf(statement({ payee: { kind: 'declined', name: 'Åsa' } })));
    expect(declined).toContain('Olet luopunut palkkiosta');
  });

  it('runs over pages with the header repeated and every line present', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => line(1 + (i % 28), { title: `Tapaaminen ${i + 1}` }));
    const text = await textOf(renderStatementPdf(statement({ lines })));
    for (const n of [1, 60, 120]) expect(text).toContain(`|Tapaaminen ${n}|`);
    expect(text).toMatch(/Sivu 4 \/ 4/);
    expect(text).toContain('Yhteensä|330,00|8 250,00 €|2 193,60 €|1 030,80 €|9 412,80 €');
    expect(text.match(/Päivä\|Tehtävä\|/g)).toHaveLength(4);
  });

  const compoundParts = { fi: ['Ennakon', 'pidätys'], sv: ['Förskotts', 'innehållning'], en: [] };
  it.each([
    ['fi', ['Päivä', 'Tehtävä', 'Tunnit', 'Palkkio', 'Matkat ja kulut', 'Ennakonpidätys', 'Maksetaan']],
    ['sv', ['Datum', 'Uppgift', 'Timmar', 'Arvode', 'Resor och kostnader', 'Förskottsinnehållning', 'Utbetalas']],
    ['en', ['Date', 'Task', 'Hours', 'Fee', 'Travel and costs', 'Tax withheld', 'Net paid']],
  ] as const)(
    'wraps column headers and long titles at word boundaries and shows titles whole (%s)',
    async (language, headers) => {
      const titles = [
        'Arbetsgruppen för utvecklingen av erfarenhetsexpertverksamheten i Österbottens välfärdsområde',
        'Kokemusasiantuntijoiden koulutuspäivä mielenterveys- ja päihdepalveluiden henkilöstölle Vaasassa',
      ];
      const items = (
        await placedText(
          renderStatementPdf(statement({ language, lines: titles.map((title, i) => line(20 + i, { title })) })),
        )
      ).map((item) => item.split(' @ ')[0]);
      // The header row: from the date column's label to the net column's.
      const head = items.slice(items.indexOf(headers[0]), items.indexOf(headers[6]) + 1);
      // Lines of one header read as its words; a compound may break only where its parts meet (the soft
      // hyphen): "Förskotts-" / "innehållning", never "Förskotts-i" / "nnehållning".
      const pieces = head.flatMap((item) => item.trim().split(' '));
      const words: string[] = [];
      for (let i = 0; i < pieces.length; i++) {
        if (!pieces[i].endsWith('-')) {
          words.push(pieces[i]);
          continue;
        }
        expect([pieces[i].slice(0, -1), pieces[i + 1]]).toEqual(compoundParts[language]);
        words.push(pieces[i].slice(0, -1) + pieces[++i]);
      }
      expect(words).toEqual(headers.flatMap((h) => h.split(' ')));
      // Every line of a title ends at a space: no word is cut, nothing is left out.
      for (const title of titles) {
        const first = items.findIndex((item) => title.startsWith(item) && item.length > 10);
        const linesOfTitle: string[] = [];
        for (let i = first; linesOfTitle.join('').trim().length < title.length; i++) linesOfTitle.push(items[i]);
        expect(linesOfTitle.length).toBeGreaterThan(1);
        expect(linesOfTitle.join('').trim()).toBe(title);
        for (const text of linesOfTitle.slice(0, -1)) expect(text).toMatch(/ $/);
      }
      expect(items.join('|')).not.toContain('…');
    },
  );

  it('sets a title with a word too long for its cell smaller instead of breaking the word', async () => {
    const title = 'Mielenterveyskuntoutujayhdistyksen vuosikokous';
    const placed = await placedText(renderStatementPdf(statement({ language: 'sv', lines: [line(20, { title })] })));
    const items = placed.map((item) => item.split(' @ ')[0].trim());
    expect(items).toContain('Mielenterveyskuntoutujayhdistyksen');
    expect(items).toContain('vuosikokous');
    // Smaller than the other cells' 8 points, and no smaller than 6.
    const size = Number(
      placed
        .find((item) => item.startsWith('Mielenterveys'))!
        .split(' @ ')[1]
        .split(' ')[0],
    );
    expect(size).toBeLessThan(8);
    expect(size).toBeGreaterThanOrEqual(6);
  });

  it('writes exactly the bytes pdfkit itself would', () => {
    const lines = Array.from({ length: 90 }, (_, i) => line(1 + (i % 28), { title: `Tapaaminen € Ŋ ${i}` }));
    for (const language of ['fi', 'sv', 'en'] as const) {
      const doc = statement({
        language,
        lines,
        payee: { kind: 'association', name: 'Yhdistys € ry', businessId: '1572860-0' },
      });
      expect(renderStatementPdf(doc).equals(renderStatementPdf(doc, { pdfkitStream: true }))).toBe(true);
    }
  });

  it.each(['fi', 'sv', 'en'] as const)(
    'places every cell where pdfkit itself would (%s, several pages)',
    async (language) => {
      const lines = Array.from({ length: 90 }, (_, i) =>
        line(1 + (i % 28), { title: i % 7 ? `Tapaaminen ${i}` : 'Hyvin pitkä otsikko '.repeat(6) }),
      );
      const doc = statement({
        language,
        lines,
        payee: { kind: 'association', name: 'Yhdistys ry', businessId: '1572860-0' },
      });
      const fast = await placedText(renderStatementPdf(doc));

      expect(fast.filter((item) => item === '(page)').length).toBeGreaterThan(2);
      expect(fast).toEqual(await placedText(renderStatementPdf(doc, { fixedSubsets: false })));
    },
  );

  it('gives byte-identical output for the same input', () => {
    expect(renderStatementPdf(statement()).equals(renderStatementPdf(statement()))).toBe(true);
    expect(
      renderStatementPdf(statement({ issuedAt: '2026-11-03T10:00:00Z' })).equals(renderStatementPdf(statement())),
    ).toBe(false);
  });

  it('declares PDF/A-2b, the language and a tagged table', () => {
    const raw = renderStatementPdf(statement({ language: 'sv' })).toString('latin1');
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toContain('/Lang (sv-FI)');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/S /Table');
  });
});
