import { TaskType } from '../../../common/domain/task-type';
import { ClaimToPrice, costSums, PayeeTerms, payeeTerms, priceClaim } from './claim-pricing.rule';
import { DEFAULT_FEE_RATES, DEFAULT_TRAVEL_RATES, FeeArithmeticError } from './fee-arithmetic.rule';

const claim = (overrides: Partial<ClaimToPrice> = {}): ClaimToPrice => ({
  taskType: TaskType.WorkingGroup,
  workDate: '2026-03-10',
  workedMinutes: 120,
  preparationMinutes: 30,
  lateCancellation: false,
  trips: [],
  publicTransportCents: 0,
  parkingCents: 0,
  otherCostsCents: 0,
  ...overrides,
});
const expert: PayeeTerms = { payee: 'expert', taxPercent: 20 };
const price = (c: ClaimToPrice, terms = expert) => priceClaim(c, terms, DEFAULT_FEE_RATES, DEFAULT_TRAVEL_RATES);

describe('priceClaim', () => {
  it.each([
    // label, claim, gross, car, costs, withholding, net
    ['2 h 30 min of working group at 25 €/h', claim(), 6250, 0, 0, 1250, 5000],
    [
      'a lecture, per event whatever the minutes',
      claim({ taskType: TaskType.Lecture, workedMinutes: 45 }),
      15000,
      0,
      0,
      3000,
      12000,
    ],
    [
      'two trips on one day, summed before rounding: 12.5 + 12.5 km at 0.55',
      claim({
        trips: [
          { kmTenths: 125, date: '2026-03-10' },
          { kmTenths: 125, date: '2026-03-10' },
        ],
      }),
      6250,
      1375,
      0,
      1250,
      6375,
    ],
    [
      'costs at receipt value, never withheld',
      claim({ publicTransportCents: 480, parkingCents: 300, otherCostsCents: 1234 }),
      6250,
      0,
      2014,
      1250,
      7014,
    ],
    [
      'a trip out on 31.12.2025 and back on 1.1.2026, each at its year’s rate',
      claim({
        workDate: '2025-12-31',
        trips: [
          { kmTenths: 101, date: '2026-01-01' },
          { kmTenths: 101, date: '2025-12-31' },
        ],
      }),
      6250,
      596 + 556,
      0,
      1250,
      5000 + 596 + 556,
    ],
  ])('%s', (_label, c, gross, car, costs, withheld, net) => {
    const line = price(c);
    expect(line).toMatchObject({
      grossFeeCents: gross,
      carTravelCents: car,
      costsCents: costs,
      withholdingCents: withheld,
      netPayableCents: net,
    });
    expect(line.travelAndCostsCents).toBe(car + costs);
    expect(line.netPayableCents).toBe(line.grossFeeCents - line.withholdingCents + line.travelAndCostsCents);
  });

  it('pays the full fee for a late cancellation and the travel actually made', () => {
    const line = price(
      claim({
        lateCancellation: true,
        workedMinutes: 120,
        preparationMinutes: 0,
        trips: [{ kmTenths: 200, date: '2026-03-10' }],
      }),
    );
    expect(line).toMatchObject({ grossFeeCents: 5000, carTravelCents: 1100 });
  });

  it('withholds 60 % without a tax card, nothing for an association, and pays no fee when declined', () => {
    expect(price(claim(), { payee: 'expert', taxPercent: null }).withholdingCents).toBe(3750);
    expect(price(claim(), { payee: 'association', taxPercent: 20 })).toMatchObject({
      grossFeeCents: 6250,
      withholdingCents: 0,
      netPayableCents: 6250,
    });
    expect(price(claim({ parkingCents: 500 }), { payee: 'declined', taxPercent: 20 })).toMatchObject({
      grossFeeCents: 0,
      netPayableCents: 500,
    });
  });

  it('refuses a trip in a year without a rate', () => {
    const c = claim({
      workDate: '2026-12-31',
      trips: [
        { kmTenths: 10, date: '2026-12-31' },
        { kmTenths: 10, date: '2027-01-01' },
      ],
    });
    expect(() => price(c)).toThrow(FeeArithmeticError);
  });
});

describe('payeeTerms', () => {
  const details = { payee: 'expert' as const, declinesFee: false, taxPercent: '12.50', taxCardYear: 2026 };
  it.each([
    ['the tax card of the year', details, { payee: 'expert', taxPercent: 12.5 }],
    ['last year’s tax card counts as none', { ...details, taxCardYear: 2025 }, { payee: 'expert', taxPercent: null }],
    ['no payment details: the expert, no card', null, { payee: 'expert', taxPercent: null }],
    ['an association', { ...details, payee: 'association' as const }, { payee: 'association', taxPercent: null }],
    [
      'a declined fee wins over the payee',
      { ...details, payee: 'association' as const, declinesFee: true },
      { payee: 'declined', taxPercent: null },
    ],
  ])('%s', (_label, input, expected) => {
    expect(payeeTerms(input, 2026)).toEqual(expected);
  });
});

describe('costSums', () => {
  it('adds each kind apart', () => {
    expect(
      costSums([
        { kind: 'parking', amountCents: 300 },
        { kind: 'other', amountCents: 5 },
        { kind: 'parking', amountCents: 200 },
        { kind: 'public_transport', amountCents: 480 },
      ]),
    ).toEqual({
      publicTransportCents: 480,
      parkingCents: 500,
      otherCostsCents: 5,
    });
  });
});
