import pdfParse from 'pdf-parse';
import { placedText } from '../../../../test/utils/documents';
import { ContractDocument, ContractTaskLine, DocumentLanguage } from './contract-document';
import { renderContractPdf } from './contract-pdf.renderer';

const IDENTITY_CODE = '120479-123A';

function task(day: number, overrides: Partial<ContractTaskLine> = {}): ContractTaskLine {
  const date = `2026-03-${String(day).padStart(2, '0')}`;
  return {
    startsAt: `${date}T07:00:00Z`,
    endsAt: `${date}T09:30:00Z`,
    taskType: 'working_group',
    title: `Kehittämisryhmän tapaaminen ${day}`,
    place: { remote: false, municipalityFi: 'Vaasa', municipalitySv: 'Vasa', address: 'Sandviksgatan 2' },
    preparationMinutes: 30,
    ...overrides,
  };
}

function contract(overrides: Partial<ContractDocument> = {}): ContractDocument {
  return {
    language: 'fi',
    contractNumber: 'KOK-2026-000123',
    version: 1,
    supersedesNumber: null,
    orderer: { kind: 'unit', code: 'PSY-01', nameFi: 'Psykiatrian poliklinikka', nameSv: 'Psykiatriska polikliniken' },
    expert: {
      name: 'Åsa Öhman-Äijälä',
      dateOfBirth: '1979-04-12',
      municipalityFi: 'Mustasaari',
      municipalitySv: 'Korsholm',
    },
    validFrom: '2026-03-01',
    validUntil: '2026-03-31',
    tasks: [
      task(3, { title: 'Kokemuspuheenvuoro: ÄÖÅ äöå – 150 €', taskType: 'lecture', preparationMinutes: 60 }),
      task(10, { place: { remote: true } }),
    ],
    fee: { basis: 'hourly', rateCents: 2500, expectedCents: 127500, payee: 'expert' },
    travel: { carCentsPerKm: 55, year: 2026, publicTransportByReceipt: true },
    lateCancellation: { hoursBefore: 48 },
    approvedBy: { name: 'Kaisa Koordinaattori', at: '2026-02-20T10:15:00Z' },
    signedBy: null,
    ...overrides,
  };
}

function sixTaskSeries(language: DocumentLanguage): ContractDocument {
  return contract({
    language,
    tasks: [2, 9, 16, 23, 30]
      .map((day, i) => task(day, { title: `Sarjan tapaaminen ${i + 1}` }))
      .concat(task(31, { title: 'Sarjan tapaaminen 6', place: { remote: true } })),
  });
}

// A renderer module loaded afresh: its font and layout caches have seen nothing yet.
async function freshRenderer(): Promise<typeof renderContractPdf> {
  let fresh: typeof renderContractPdf = () => {
    throw new Error('renderer not loaded');
  };
  await jest.isolateModulesAsync(async () => {
    ({ renderContractPdf: fresh } = await import('./contract-pdf.renderer'));
  });
  return fresh;
}

// Whitespace collapsed (a wrapped line or a no-break space reads as one space) for robust matching.
async function textOf(pdf: Buffer): Promise<string> {
  const { text } = await pdfParse(pdf);
  return text.replace(/\s+/g, ' ');
}

describe('renderContractPdf', () => {
  it('renders the Finnish contract with tasks, term, fee and the confidentiality obligation', async () => {
    const text = await textOf(renderContractPdf(contract()));

    expect(text).toContain('Määräaikainen toimeksiantosopimus');
    expect(text).toContain('Sopimusnumero KOK-2026-000123');
    expect(text).toContain('Kokemusosaajalla on vaitiolovelvollisuus');
    expect(text).toContain('jatkuu sopimuksen päätyttyä');
    expect(text).toContain('voimassa 1.3.2026–31.3.2026');
    expect(text).toContain('Kokemuspuheenvuoro: ÄÖÅ äöå – 150 €');
    expect(text).toContain('Kehittämisryhmän tapaaminen 10');
    expect(text).toContain('ti 3.3.2026');
    expect(text).toContain('ti 10.3.2026');
    expect(text).toContain('25,00 € tunnilta');
    expect(text).toContain('Arvioitu kokemuspalkkio yhteensä: 1 275,00 €');
    expect(text).toContain('ei makseta työsuhteessa');
    expect(text).toContain('0,55 € kilometriltä (vuoden 2026 korvaus)');
    expect(text).toContain('alle 48 tuntia');
    expect(text).toMatch(/Sivu 1 \/ [1-9]/);
  });

  it('renders the Swedish contract with the same content in Swedish', async () => {
    const text = await textOf(renderContractPdf(contract({ language: 'sv' })));

    expect(text).toContain('Visstidsavtal om uppdrag');
    expect(text).toContain('Österbottens välfärdsområde');
    expect(text).toContain('Erfarenhetsexperten har tystnadsplikt');
    expect(text).toContain('gäller 1.3.2026–31.3.2026');
    expect(text).toContain('Kokemuspuheenvuoro: ÄÖÅ äöå – 150 €');
    expect(text).toContain('Kehittämisryhmän tapaaminen 10');
    expect(text).toContain('tis 3.3.2026');
    expect(text).toContain('Beräknat erfarenhetsarvode sammanlagt: 1 275,00 €');
    expect(text).toContain('inte i ett anställningsförhållande');
    expect(text).toContain('Sandviksgatan 2 Vasa');
    expect(text).toContain('Korsholm');
    expect(text).toMatch(/Sida 1 \/ [1-9]/);
    expect(text).not.toContain('vaitiolovelvollisuus');
  });

  it('marks the English render as an information copy', async () => {
    const text = await textOf(renderContractPdf(contract({ language: 'en' })));

    expect(text).toContain('INFORMATION COPY – NOT LEGALLY BINDING');
    expect(text).toContain('Information copy – not legally binding');
    expect(text).toContain('Estimated experience fee in total: €1,275.00');
    expect(text).toMatch(/Page 1 of [1-9]/);
  });

  it('marks a draft preview as a draft, not approved, in its language and on every page', async () => {
    const fiText = await textOf(renderContractPdf(contract({ draft: true, approvedBy: null })));
    expect(fiText).toContain('LUONNOS – EI VOIMASSA OLEVA SOPIMUS');
    expect(fiText).toContain('Luonnos – ei voimassa oleva sopimus');
    const svText = await textOf(renderContractPdf(contract({ language: 'sv', draft: true, approvedBy: null })));
    expect(svText).toContain('UTKAST – INTE ETT GÄLLANDE AVTAL');
    expect(await textOf(renderContractPdf(contract()))).not.toContain('LUONNOS');
  });

  it('keeps Finnish, Swedish and Sámi letters and the euro sign intact', async () => {
    const sami = 'Sámi: čđŋšŧž ʒǯǥǩ';
    const text = await textOf(renderContractPdf(contract({ tasks: [task(5, { title: `ä ö å Å Ä Ö € ${sami}` })] })));

    expect(text).toContain('Åsa Öhman-Äijälä');
    expect(text).toContain(`ä ö å Å Ä Ö € ${sami}`);
  });

  it('shows times in Helsinki time, summer time included', async () => {
    const summer = task(1, { startsAt: '2026-06-01T06:00:00Z', endsAt: '2026-06-01T08:15:00Z' });
    const text = await textOf(renderContractPdf(contract({ tasks: [task(3), summer] })));

    expect(text).toContain('klo 9.00–11.30');
    expect(text).toContain('ma 1.6.2026');
    expect(text).toContain('klo 9.00–11.15');
  });

  it('gives byte-identical output for the same input', () => {
    const first = renderContractPdf(contract());
    const second = renderContractPdf(contract());

    expect(first.equals(second)).toBe(true);
    expect(renderContractPdf(contract({ signedBy: { name: 'Åsa', at: '2026-02-21T08:00:00Z' } })).equals(first)).toBe(
      false,
    );
  });

  it('gives the same bytes whatever the process rendered before', async () => {
    const cold = (await freshRenderer())(contract({ language: 'en' }));
    const warm = await freshRenderer();
    warm(sixTaskSeries('fi'));
    warm(sixTaskSeries('sv'));
    warm(contract({ tasks: [task(5, { title: 'Ä Ö Å ä ö å € ŋ š ž' })] }));

    expect(warm(contract({ language: 'en' })).equals(cold)).toBe(true);
  });

  it('shows the date of birth and never the personal identity code', async () => {
    // Simulates a caller that passes a wider expert object than the type asks for.
    const leaky = contract();
    Object.assign(leaky.expert, { identityCode: IDENTITY_CODE });
    const pdf = renderContractPdf(leaky);
    const text = await textOf(pdf);

    expect(text).toContain('12.4.1979');
    expect(text).not.toContain(IDENTITY_CODE);
    expect(pdf.toString('latin1')).not.toContain(IDENTITY_CODE);
  });

  it('lists all six tasks of a series', async () => {
    const text = await textOf(renderContractPdf(sixTaskSeries('fi')));

    for (let n = 1; n <= 6; n++) {
      expect(text).toContain(`Sarjan tapaaminen ${n}`);
    }
    for (const date of ['2.3.2026', '9.3.2026', '16.3.2026', '23.3.2026', '30.3.2026', '31.3.2026']) {
      expect(text).toContain(date);
    }
    expect(text).toContain('(6 kpl)');
  });

  it('shows who approved and that the expert has not yet signed', async () => {
    const text = await textOf(renderContractPdf(contract()));

    expect(text).toContain('Kaisa Koordinaattori, 20.2.2026 klo 12.15');
    expect(text).toContain('Ei vielä allekirjoitettu');
  });

  it('declares PDF/A-2b, the document language, a title and a tagged structure', () => {
    const raw = renderContractPdf(contract({ language: 'sv' })).toString('latin1');

    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toContain('/Lang (sv-FI)');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/Marked true');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toContain('/S /H1');
    expect(raw).toContain('/S /Table');
    expect(raw).toContain('<dc:title>');
  });

  describe('fixed font subsets and the fast text path', () => {
    const manyTasks = (language: DocumentLanguage) =>
      contract({
        language,
        tasks: Array.from({ length: 14 }, (_, i) => task(1 + i * 2, { title: `Työpaja ${i + 1}: ääni kuuluviin` })),
      });

    it.each<DocumentLanguage>(['fi', 'sv', 'en'])(
      'places every word where pdfkit itself would (%s, several pages)',
      async (language) => {
        const fast = renderContractPdf(manyTasks(language));
        const plain = renderContractPdf(manyTasks(language), { fixedSubsets: false });
        const fastItems = await placedText(fast);

        expect(fastItems.filter((item) => item === '(page)').length).toBeGreaterThan(1);
        expect(fastItems).toEqual(await placedText(plain));
        // The fast render embeds each face once, whole; pdfkit's own subsets differ from document to document.
        expect(fast.toString('latin1')).toContain('/Length1');
        expect(plain.toString('latin1')).not.toContain('/Length1');
      },
    );

    it('keeps the text in DejaVu across a page break in the middle of a paragraph', () => {
      for (const options of [{}, { fixedSubsets: false }]) {
        const raw = renderContractPdf(manyTasks('sv'), options).toString('latin1');
        expect(raw).not.toMatch(/\/BaseFont \/(Courier|Helvetica)/);
        expect(raw.match(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/g)?.length).toBeGreaterThanOrEqual(2);
      }
    });

    it("renders a letter outside the fixed repertoire through pdfkit's own subsetting", async () => {
      const names = 'Nguyễn Thị Ánh · Олена Шевченко';
      const pdf = renderContractPdf(contract({ expert: { ...contract().expert, name: names } }));

      expect(await textOf(pdf)).toContain(names);
      expect(pdf.toString('latin1')).not.toContain('/Length1');
    });
  });

  it('refuses an invalid instant instead of printing a wrong date', () => {
    expect(() => renderContractPdf(contract({ tasks: [task(3, { startsAt: 'not-a-date' })] }))).toThrow(RangeError);
  });
});
