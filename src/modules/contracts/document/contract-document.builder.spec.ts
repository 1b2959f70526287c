import { TaskType } from '../../../common/domain/task-type';
import { DEFAULT_FEE_RATES, DEFAULT_TRAVEL_RATES, FeeRate } from '../../fees';
import {
  buildContractDocument,
  ContractDocumentError,
  ContractSources,
  ContractTaskSource,
  feeTerms,
  travelTerms,
} from './contract-document.builder';

function task(day: number, overrides: Partial<ContractTaskSource> = {}): ContractTaskSource {
  const date = `2026-03-${String(day).padStart(2, '0')}`;
  return {
    assignmentId: `a-${day}`,
    startsAt: new Date(`${date}T07:00:00Z`),
    endsAt: new Date(`${date}T09:00:00Z`),
    taskType: TaskType.WorkingGroup,
    title: `Kehittämisryhmä ${day}`,
    remote: false,
    municipality: { fi: 'Vaasa', sv: 'Vasa' },
    address: 'Sandviksgatan 2',
    preparationMinutes: 60,
    ...overrides,
  };
}

function sources(overrides: Partial<ContractSources> = {}): ContractSources {
  return {
    language: 'sv',
    number: 'KOK-2026-000007',
    version: 2,
    validFrom: '2026-03-01',
    validUntil: '2026-03-31',
    orderer: { kind: 'project', code: 'P-42', nameFi: 'Osallisuushanke', nameSv: 'Delaktighetsprojektet' },
    expert: { name: 'Åsa Öhman', dateOfBirth: '1979-04-12', municipality: { fi: 'Mustasaari', sv: 'Korsholm' } },
    payee: { kind: 'expert', associationName: null },
    tasks: [task(10), task(3, { remote: true, municipality: null, address: null })],
    lateCancellationHours: 48,
    approvedBy: { name: 'Kaisa Koordinaattori', at: new Date('2026-02-20T10:15:00Z') },
    rates: { fees: DEFAULT_FEE_RATES, travel: DEFAULT_TRAVEL_RATES },
    ...overrides,
  };
}

describe('buildContractDocument', () => {
  it('lists the tasks in time order with their place, and prices them from the schedule in force', () => {
    const doc = buildContractDocument(sources());
    expect(doc.tasks.map((t) => t.title)).toEqual(['Kehittämisryhmä 3', 'Kehittämisryhmä 10']);
    expect(doc.tasks[0].place).toEqual({ remote: true });
    expect(doc.tasks[1].place).toEqual({
      remote: false,
      municipalityFi: 'Vaasa',
      municipalitySv: 'Vasa',
      address: 'Sandviksgatan 2',
    });
    // Two tasks of 2 h + 1 h preparation at 25 €/h.
    expect(doc.fee).toEqual({
      basis: 'hourly',
      rateCents: 2500,
      expectedCents: 15000,
      payee: 'expert',
      associationName: null,
    });
    expect(doc.travel).toEqual({ carCentsPerKm: 55, year: 2026, publicTransportByReceipt: true });
    expect(doc).toMatchObject({
      language: 'sv',
      contractNumber: 'KOK-2026-000007',
      version: 2,
      supersedesNumber: null,
      validFrom: '2026-03-01',
      validUntil: '2026-03-31',
      expert: {
        name: 'Åsa Öhman',
        dateOfBirth: '1979-04-12',
        municipalityFi: 'Mustasaari',
        municipalitySv: 'Korsholm',
      },
      lateCancellation: { hoursBefore: 48 },
      approvedBy: { name: 'Kaisa Koordinaattori', at: '2026-02-20T10:15:00.000Z' },
      signedBy: null,
    });
  });

  it('gives the same document whatever order the rows came in', () => {
    const a = buildContractDocument(sources({ tasks: [task(3), task(10)] }));
    const b = buildContractDocument(sources({ tasks: [task(10), task(3)] }));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('refuses a contract without the expert’s date of birth', () => {
    expect(() =>
      buildContractDocument(sources({ expert: { name: 'X', dateOfBirth: null, municipality: null } })),
    ).toThrow(expect.objectContaining({ code: 'DATE_OF_BIRTH_MISSING' }));
  });

  it('shows a declined fee as nothing expected, and names the association that invoices', () => {
    expect(
      buildContractDocument(sources({ payee: { kind: 'declined', associationName: null } })).fee.expectedCents,
    ).toBe(0);
    const association = buildContractDocument(
      sources({ payee: { kind: 'association', associationName: 'Vasa svenska ry' } }),
    );
    expect(association.fee).toMatchObject({
      payee: 'association',
      associationName: 'Vasa svenska ry',
      expectedCents: 15000,
    });
  });

  it('leaves out the municipality of an expert who has none', () => {
    const doc = buildContractDocument(
      sources({ expert: { name: 'X', dateOfBirth: '1980-01-01', municipality: null } }),
    );
    expect(Object.keys(doc.expert).sort()).toEqual(['dateOfBirth', 'name']);
  });
});

describe('feeTerms', () => {
  it('sums the expected fee of per-event tasks', () => {
    expect(
      feeTerms([task(3, { taskType: TaskType.Lecture }), task(4, { taskType: TaskType.Lecture })], DEFAULT_FEE_RATES),
    ).toEqual({
      basis: 'per_event',
      rateCents: 15000,
      expectedCents: 30000,
    });
  });

  it('refuses tasks paid at different rates, naming them', () => {
    let error: unknown;
    try {
      feeTerms([task(3), task(4), task(5, { taskType: TaskType.Lecture })], DEFAULT_FEE_RATES);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContractDocumentError);
    expect(error).toMatchObject({ code: 'MIXED_FEE_TERMS', assignmentIds: ['a-3', 'a-5'] });
  });

  it('accepts different task types that share one rate', () => {
    expect(feeTerms([task(3), task(4, { taskType: TaskType.Evaluation })], DEFAULT_FEE_RATES).rateCents).toBe(2500);
  });

  it('refuses a task with no rate in force on its day', () => {
    expect(() =>
      feeTerms(
        [task(3, { startsAt: new Date('2024-06-01T07:00:00Z'), endsAt: new Date('2024-06-01T08:00:00Z') })],
        DEFAULT_FEE_RATES,
      ),
    ).toThrow(expect.objectContaining({ code: 'RATE_NOT_FOUND', assignmentIds: ['a-3'] }));
  });
});

describe('the fee the contract states', () => {
  it('comes from the rates it is given: a coordinator’s later row prices the work from its first day', () => {
    const raised: FeeRate = {
      taskType: TaskType.WorkingGroup,
      basis: 'hourly',
      rateCents: 3137,
      validFrom: '2026-03-05',
    };
    const rates = { fees: [...DEFAULT_FEE_RATES, raised], travel: DEFAULT_TRAVEL_RATES };
    // 2 h + 1 h preparation = 12 quarter hours at 31.37 €/h.
    expect(buildContractDocument(sources({ tasks: [task(10)], rates })).fee).toMatchObject({
      basis: 'hourly',
      rateCents: 3137,
      expectedCents: 9411,
    });
    expect(buildContractDocument(sources({ tasks: [task(4)], rates })).fee).toMatchObject({
      basis: 'hourly',
      rateCents: 2500,
      expectedCents: 7500,
    });
  });

  it('states the car rate of the travel rates it is given', () => {
    const doc = buildContractDocument(
      sources({ rates: { fees: DEFAULT_FEE_RATES, travel: [{ year: 2026, carCentsPerKm: 57 }] } }),
    );
    expect(doc.travel).toEqual({ carCentsPerKm: 57, year: 2026, publicTransportByReceipt: true });
  });
});

describe('travelTerms', () => {
  it('takes the rate of the year the term starts in', () => {
    expect(travelTerms('2025-12-31', DEFAULT_TRAVEL_RATES)).toEqual({ year: 2025, carCentsPerKm: 59 });
    expect(travelTerms('2026-01-01', DEFAULT_TRAVEL_RATES)).toEqual({ year: 2026, carCentsPerKm: 55 });
  });

  it('keeps the latest earlier rate for a year not yet published', () => {
    expect(travelTerms('2027-02-01', DEFAULT_TRAVEL_RATES)).toEqual({ year: 2026, carCentsPerKm: 55 });
    expect(() => travelTerms('2024-02-01', DEFAULT_TRAVEL_RATES)).toThrow(
      expect.objectContaining({ code: 'TRAVEL_RATE_NOT_FOUND' }),
    );
  });
});
