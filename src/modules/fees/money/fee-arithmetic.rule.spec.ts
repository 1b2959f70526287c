import { TaskType } from '../../../common/domain/task-type';
import {
  billableQuarterHours,
  carTravelCents,
  ClaimLine,
  ClaimLineInput,
  computeClaimLine,
  DEFAULT_FEE_RATES,
  DEFAULT_TRAVEL_RATES,
  FeeArithmeticError,
  FeeArithmeticErrorCode,
  feeCents,
  FeeRate,
  incomeTypeCode,
  lateCancellationFeeCents,
  priceWork,
  rateInForce,
  TravelRate,
  travelRateFor,
  withholdingCents,
} from './fee-arithmetic.rule';

// The code of the FeeArithmeticError thrown, or undefined when nothing was thrown.
function errorCode(run: () => unknown): FeeArithmeticErrorCode | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof FeeArithmeticError) return error.code;
    throw error;
  }
  return undefined;
}

const hourly = (rateCents: number): FeeRate => ({
  taskType: TaskType.WorkingGroup,
  basis: 'hourly',
  rateCents,
  validFrom: '2025-01-01',
});
const perEvent = (rateCents: number): FeeRate => ({
  taskType: TaskType.Lecture,
  basis: 'per_event',
  rateCents,
  validFrom: '2025-01-01',
});
const RATE_2025: TravelRate = { year: 2025, carCentsPerKm: 59 };
const RATE_2026: TravelRate = { year: 2026, carCentsPerKm: 55 };

describe('default rates', () => {
  it.each([
    [TaskType.WorkingGroup, 'hourly', 2500],
    [TaskType.Evaluation, 'hourly', 2500],
    [TaskType.WorkshopEvent, 'hourly', 2500],
    [TaskType.ProfessionalPair, 'hourly', 2500],
    [TaskType.ClientSession, 'per_event', 5000],
    [TaskType.StaffMeetingTraining, 'per_event', 5000],
    [TaskType.Lecture, 'per_event', 15000],
  ])('prices %s %s at %i cents from 2025-01-01', (taskType, basis, rateCents) => {
    const rows = DEFAULT_FEE_RATES.filter((rate) => rate.taskType === taskType);
    expect(rows).toEqual([{ taskType, basis, rateCents, validFrom: '2025-01-01' }]);
  });

  it('has exactly one row per task type', () => {
    expect(DEFAULT_FEE_RATES.map((rate) => rate.taskType).sort()).toEqual(Object.values(TaskType).sort());
  });

  it('pays 59 cents per km by car in 2025 and 55 in 2026', () => {
    expect(DEFAULT_TRAVEL_RATES).toEqual([
      { year: 2025, carCentsPerKm: 59 },
      { year: 2026, carCentsPerKm: 55 },
    ]);
  });
});

describe('rateInForce', () => {
  const raiseFrom2026March: FeeRate = {
    taskType: TaskType.WorkingGroup,
    basis: 'hourly',
    rateCents: 2700,
    validFrom: '2026-03-01',
  };
  const clientSessionHourlyFrom2026: FeeRate = {
    taskType: TaskType.ClientSession,
    basis: 'hourly',
    rateCents: 3000,
    validFrom: '2026-01-01',
  };
  // The newer rows come first: the answer must not depend on the order of the rows.
  const rates = [raiseFrom2026March, clientSessionHourlyFrom2026, ...DEFAULT_FEE_RATES];

  it.each([
    ['the default on its first day', TaskType.WorkingGroup, '2025-01-01', 'hourly', 2500],
    ['the old rate the day before a new one', TaskType.WorkingGroup, '2026-02-28', 'hourly', 2500],
    ['the new rate from its first day', TaskType.WorkingGroup, '2026-03-01', 'hourly', 2700],
    ['the new rate after it', TaskType.WorkingGroup, '2027-06-15', 'hourly', 2700],
    ['another task type untouched by the new row', TaskType.Evaluation, '2026-03-01', 'hourly', 2500],
    ['a per-event rate before its basis changed', TaskType.ClientSession, '2025-12-31', 'per_event', 5000],
    ['an hourly rate after its basis changed', TaskType.ClientSession, '2026-01-01', 'hourly', 3000],
    ['the lecture default', TaskType.Lecture, '2026-03-01', 'per_event', 15000],
  ])('gives %s', (_label, taskType, workDate, basis, rateCents) => {
    expect(rateInForce(rates, taskType, workDate)).toMatchObject({ taskType, basis, rateCents });
  });

  it.each([
    ['before the first row', DEFAULT_FEE_RATES, '2024-12-31'],
    ['with no rows at all', [], '2026-01-01'],
  ])('gives null %s', (_label, table, workDate) => {
    expect(rateInForce(table, TaskType.WorkingGroup, workDate)).toBeNull();
  });

  it.each([
    ['two rows starting the same day', [hourly(2500), hourly(2600)], '2026-01-01', 'AMBIGUOUS_RATE'],
    ['a work date that does not exist', DEFAULT_FEE_RATES, '2026-02-30', 'INVALID_DATE'],
    ['a work date in the Finnish format', DEFAULT_FEE_RATES, '1.1.2026', 'INVALID_DATE'],
    ['a row with a malformed validFrom', [{ ...hourly(2500), validFrom: '2025-1-1' }], '2026-01-01', 'INVALID_DATE'],
  ])('refuses %s', (_label, table, workDate, code) => {
    expect(errorCode(() => rateInForce(table, TaskType.WorkingGroup, workDate))).toBe(code);
  });
});

describe('billableQuarterHours', () => {
  it.each([
    [0, 0, 0],
    [1, 0, 1],
    [14, 0, 1],
    [15, 0, 1],
    [16, 0, 2],
    [60, 0, 4],
    [61, 0, 5],
    [89, 0, 6],
    [90, 0, 6],
    [0, 1, 1],
    [0, 90, 6],
    [14, 1, 1],
    [15, 1, 2],
    [45, 15, 4],
    [30, 31, 5],
    [59, 30, 6],
  ])('rounds %i worked + %i preparation minutes up to %i quarter hours', (worked, preparation, expected) => {
    expect(billableQuarterHours(worked, preparation)).toBe(expected);
  });

  it.each([
    [-1, 0, 'NEGATIVE_VALUE', /workedMinutes/],
    [0, -15, 'NEGATIVE_VALUE', /preparationMinutes/],
    [30.5, 0, 'NOT_AN_INTEGER', /workedMinutes/],
    [Number.NaN, 0, 'NOT_AN_INTEGER', /workedMinutes/],
  ])('refuses %p worked and %p preparation minutes', (worked, preparation, code, field) => {
    expect(errorCode(() => billableQuarterHours(worked, preparation))).toBe(code);
    expect(() => billableQuarterHours(worked, preparation)).toThrow(field);
  });
});

describe('feeCents', () => {
  it.each([
    ['hourly, nothing worked', hourly(2500), 0, 0],
    ['hourly, one quarter', hourly(2500), 1, 625],
    ['hourly, one hour', hourly(2500), 4, 2500],
    ['hourly, 1 h 15 min', hourly(2500), 5, 3125],
    ['hourly, 1 h 30 min', hourly(2500), 6, 3750],
    ['a quarter of a cent rounds down', hourly(2501), 1, 625],
    ['half a cent rounds up', hourly(2502), 1, 626],
    ['three quarters of a cent round up', hourly(2503), 1, 626],
    ['half a cent over several quarters rounds up', hourly(2501), 2, 1251],
    ['1876.5 cents rounds up', hourly(2502), 3, 1877],
    ['per event, whatever the hours', perEvent(15000), 12, 15000],
    ['per event, no hours reported', perEvent(15000), 0, 15000],
    ['per event, client session', { ...perEvent(5000), taskType: TaskType.ClientSession }, 3, 5000],
  ])('%s', (_label, rate, quarterHours, expected) => {
    expect(feeCents(rate, quarterHours)).toBe(expected);
  });

  it.each([
    ['negative quarter hours', hourly(2500), -1, 'NEGATIVE_VALUE'],
    ['a negative rate', hourly(-2500), 4, 'NEGATIVE_VALUE'],
    ['a rate in euros with decimals', hourly(25.5), 4, 'NOT_AN_INTEGER'],
    ['an amount beyond exact integers', hourly(Number.MAX_SAFE_INTEGER), 4, 'OUT_OF_RANGE'],
  ])('refuses %s', (_label, rate, quarterHours, code) => {
    expect(errorCode(() => feeCents(rate, quarterHours))).toBe(code);
  });
});

describe('lateCancellationFeeCents', () => {
  const startsAt = new Date('2026-03-10T08:00:00.000Z');
  const before = (ms: number) => new Date(startsAt.getTime() - ms);
  const HOUR = 3_600_000;

  it.each([
    ['county, 47:59:59.999 before', 'county', before(48 * HOUR - 1), undefined, true],
    ['county, exactly 48:00:00 before', 'county', before(48 * HOUR), undefined, false],
    ['county, 48:00:00.001 before', 'county', before(48 * HOUR + 1), undefined, false],
    ['county, a week before', 'county', before(7 * 24 * HOUR), undefined, false],
    ['county, one hour before', 'county', before(HOUR), undefined, true],
    ['county, at the start', 'county', startsAt, undefined, true],
    ['county, after the start', 'county', before(-30 * 60_000), undefined, true],
    ['expert, one hour before', 'expert', before(HOUR), undefined, false],
    ['expert, after the start', 'expert', before(-HOUR), undefined, false],
    ['county, 23:59:59.999 before with a 24 h threshold', 'county', before(24 * HOUR - 1), 24, true],
    ['county, exactly 24 h before with a 24 h threshold', 'county', before(24 * HOUR), 24, false],
    ['county, 47 h before with a 24 h threshold', 'county', before(47 * HOUR), 24, false],
    ['county, at the start with a zero threshold', 'county', startsAt, 0, false],
    ['county, 1 ms after the start with a zero threshold', 'county', before(-1), 0, true],
  ] as const)('%s', (_label, cancelledBy, cancelledAt, thresholdHours, due) => {
    const result = lateCancellationFeeCents({ cancelledAt, startsAt, cancelledBy, fullFeeCents: 3750, thresholdHours });
    expect(result).toEqual(due ? { due: true, cents: 3750 } : { due: false, cents: 0 });
  });

  // Helsinki moves to summer time on 2026-03-29: 48 h are elapsed hours, not wall-clock hours.
  it.each([
    ['08:30 local two days before is only 47.5 h before', '2026-03-28T06:30:00.000Z', true],
    ['07:30 local two days before is 48.5 h before', '2026-03-28T05:30:00.000Z', false],
  ])('across the change to summer time, %s', (_label, cancelledAt, due) => {
    const result = lateCancellationFeeCents({
      cancelledAt: new Date(cancelledAt),
      startsAt: new Date('2026-03-30T06:00:00.000Z'), // 09:00 in Helsinki
      cancelledBy: 'county',
      fullFeeCents: 5000,
    });
    expect(result.due).toBe(due);
  });

  it.each([
    ['an invalid cancellation time', { cancelledAt: new Date('nope') }, 'INVALID_TIMESTAMP'],
    ['an invalid start time', { startsAt: new Date(Number.NaN) }, 'INVALID_TIMESTAMP'],
    ['a negative full fee', { fullFeeCents: -1 }, 'NEGATIVE_VALUE'],
    ['a fractional full fee', { fullFeeCents: 37.5 }, 'NOT_AN_INTEGER'],
    ['a negative threshold', { thresholdHours: -1 }, 'NEGATIVE_VALUE'],
  ])('refuses %s', (_label, override, code) => {
    const args = {
      cancelledAt: before(HOUR),
      startsAt,
      cancelledBy: 'county' as const,
      fullFeeCents: 3750,
      ...override,
    };
    expect(errorCode(() => lateCancellationFeeCents(args))).toBe(code);
  });
});

describe('travelRateFor', () => {
  it.each([
    ['2025-01-01', 59],
    ['2025-12-31', 59],
    ['2026-01-01', 55],
    ['2026-12-31', 55],
  ])('applies the rate of the year of travel on %s', (travelDate, carCentsPerKm) => {
    const year = Number(travelDate.slice(0, 4));
    expect(travelRateFor(DEFAULT_TRAVEL_RATES, travelDate)).toEqual({ year, carCentsPerKm });
  });

  it.each([['2024-12-31'], ['2027-01-01']])('gives null for %s, a year with no rate', (travelDate) => {
    expect(travelRateFor(DEFAULT_TRAVEL_RATES, travelDate)).toBeNull();
  });

  it.each([
    ['two rates for one year', [RATE_2026, { year: 2026, carCentsPerKm: 57 }], '2026-05-01', 'AMBIGUOUS_RATE'],
    ['a timestamp instead of a date', DEFAULT_TRAVEL_RATES, '2026-01-01T10:00:00Z', 'INVALID_DATE'],
    ['a date that does not exist', DEFAULT_TRAVEL_RATES, '2025-02-29', 'INVALID_DATE'],
  ])('refuses %s', (_label, rates, travelDate, code) => {
    expect(errorCode(() => travelRateFor(rates, travelDate))).toBe(code);
  });
});

describe('carTravelCents', () => {
  it.each([
    [0, RATE_2026, 0],
    [1, RATE_2026, 6], // 5.5 rounds up
    [3, RATE_2026, 17], // 16.5 rounds up
    [4, RATE_2026, 22],
    [10, RATE_2026, 55],
    [125, RATE_2026, 688], // 12.5 km: 687.5 rounds up
    [125, RATE_2025, 738], // 12.5 km: 737.5 rounds up
    [1, RATE_2025, 6], // 5.9
    [1, { year: 2026, carCentsPerKm: 54 }, 5], // 5.4 rounds down
    [1234, RATE_2025, 7281], // 7280.6
  ])('%i tenths of a km at %o cost %i cents', (kmTenths, rate, expected) => {
    expect(carTravelCents(kmTenths, rate)).toBe(expected);
  });

  it('prices the same 12.5 km differently on 31.12.2025 and 1.1.2026', () => {
    const lastOf2025 = travelRateFor(DEFAULT_TRAVEL_RATES, '2025-12-31');
    const firstOf2026 = travelRateFor(DEFAULT_TRAVEL_RATES, '2026-01-01');
    expect([carTravelCents(125, lastOf2025!), carTravelCents(125, firstOf2026!)]).toEqual([738, 688]);
  });

  it.each([
    ['negative km', -10, RATE_2026, 'NEGATIVE_VALUE'],
    ['km with a decimal instead of tenths', 12.5, RATE_2026, 'NOT_AN_INTEGER'],
    ['a negative rate', 10, { year: 2026, carCentsPerKm: -55 }, 'NEGATIVE_VALUE'],
    ['a rate in euros', 10, { year: 2026, carCentsPerKm: 0.55 }, 'NOT_AN_INTEGER'],
  ])('refuses %s', (_label, kmTenths, rate, code) => {
    expect(errorCode(() => carTravelCents(kmTenths, rate))).toBe(code);
  });
});

describe('withholdingCents', () => {
  it.each([
    [2517, 12.5, 315], // 314.625
    [2517, 7.25, 182], // 182.4825
    [2517, null, 1510], // 60 %: 1510.2
    [2500, null, 1500],
    [625, null, 375],
    [1, null, 1], // 0.6
    [1, 50, 1], // half a cent rounds up
    [3, 50, 2], // 1.5
    [3125, 12.34, 386], // 385.625
    [2517, 0.07, 2], // 1.7619
    [15000, 25.5, 3825],
    [2517, 0, 0],
    [2517, 100, 2517],
    [0, null, 0],
  ])('withholds from %i cents at %p %% -> %i cents', (gross, taxPercent, expected) => {
    expect(withholdingCents(gross, taxPercent)).toBe(expected);
  });

  it.each([
    ['three decimals', 2517, 12.345, 'INVALID_TAX_PERCENT'],
    ['a negative percentage', 2517, -1, 'INVALID_TAX_PERCENT'],
    ['over 100 %', 2517, 100.01, 'INVALID_TAX_PERCENT'],
    ['NaN', 2517, Number.NaN, 'INVALID_TAX_PERCENT'],
    ['a negative gross fee', -2517, 12.5, 'NEGATIVE_VALUE'],
    ['a fractional gross fee', 2517.5, 12.5, 'NOT_AN_INTEGER'],
  ])('refuses %s', (_label, gross, taxPercent, code) => {
    expect(errorCode(() => withholdingCents(gross, taxPercent))).toBe(code);
  });
});

describe('incomeTypeCode', () => {
  it.each([
    [TaskType.Lecture, '214'],
    [TaskType.WorkingGroup, '210'],
    [TaskType.Evaluation, '210'],
    [TaskType.StaffMeetingTraining, '210'],
    [TaskType.WorkshopEvent, '210'],
    [TaskType.ClientSession, '210'],
    [TaskType.ProfessionalPair, '210'],
  ])('reports %s as income type %s', (taskType, code) => {
    expect(incomeTypeCode(taskType)).toBe(code);
  });
});

describe('computeClaimLine', () => {
  // 90 + 30 min = 8 quarters = 50.00 €; 12.5 km in 2026 = 6.88 €; 4.50 € bus + 3.00 € parking.
  const base: ClaimLineInput = {
    taskType: TaskType.WorkingGroup,
    workDate: '2026-02-10',
    workedMinutes: 90,
    preparationMinutes: 30,
    kmTenths: 125,
    carTravelDate: '2026-02-10',
    publicTransportCents: 450,
    parkingCents: 300,
    otherCostsCents: 0,
    taxPercent: 12.5,
    payee: 'expert',
  };
  const NO_TRAVEL: Partial<ClaimLineInput> = { kmTenths: 0, carTravelDate: null, publicTransportCents: 0 };
  const baseLine: ClaimLine = {
    grossFeeCents: 5000,
    feeBasis: 'hourly',
    rateCents: 2500,
    quarterHours: 8,
    incomeType: '210',
    carTravelCents: 688,
    costsCents: 750,
    travelAndCostsCents: 1438,
    withholdingCents: 625, // 12.5 % of the fee only, not of the 14.38 € travel and costs
    netPayableCents: 5813,
  };

  it.each<[string, Partial<ClaimLineInput>, Partial<ClaimLine>]>([
    ['an hourly fee paid to the expert', {}, {}],
    ['60 % withheld with no tax card', { taxPercent: null }, { withholdingCents: 3000, netPayableCents: 3438 }],
    [
      'no withholding for an association payee',
      { payee: 'association' },
      { withholdingCents: 0, netPayableCents: 6438 },
    ],
    [
      'no fee but travel and costs for a volunteer',
      { payee: 'declined' },
      { grossFeeCents: 0, withholdingCents: 0, netPayableCents: 1438 },
    ],
    [
      'a lecture at the per-event rate with income type 214',
      { taskType: TaskType.Lecture },
      {
        grossFeeCents: 15000,
        feeBasis: 'per_event',
        rateCents: 15000,
        incomeType: '214',
        withholdingCents: 1875,
        netPayableCents: 14563,
      },
    ],
    [
      'the car rate of 2025 for a trip on 31.12.2025',
      { workDate: '2025-12-31', carTravelDate: '2025-12-31' },
      { carTravelCents: 738, travelAndCostsCents: 1488, netPayableCents: 5863 },
    ],
    [
      'the car rate of 2026 for the same trip on 1.1.2026',
      { workDate: '2026-01-01', carTravelDate: '2026-01-01' },
      { carTravelCents: 688, travelAndCostsCents: 1438, netPayableCents: 5813 },
    ],
    [
      'the car rate by the date of travel, not of work',
      { workDate: '2026-01-01', carTravelDate: '2025-12-31' },
      { carTravelCents: 738, travelAndCostsCents: 1488, netPayableCents: 5863 },
    ],
    [
      'no car travel and no travel date',
      { kmTenths: 0, carTravelDate: null },
      { carTravelCents: 0, travelAndCostsCents: 750, netPayableCents: 5125 },
    ],
    [
      'the full booked duration for a late county cancellation of hourly work',
      { ...NO_TRAVEL, lateCancellation: { due: true }, workedMinutes: 180, preparationMinutes: 0, parkingCents: 0 },
      {
        grossFeeCents: 7500,
        quarterHours: 12,
        carTravelCents: 0,
        costsCents: 0,
        travelAndCostsCents: 0,
        withholdingCents: 938, // 937.5
        netPayableCents: 6562,
      },
    ],
    [
      'the full event fee and the parking actually paid for a late county cancellation',
      { ...NO_TRAVEL, taskType: TaskType.ClientSession, lateCancellation: { due: true }, taxPercent: null },
      {
        grossFeeCents: 5000,
        feeBasis: 'per_event',
        rateCents: 5000,
        carTravelCents: 0,
        costsCents: 300,
        travelAndCostsCents: 300,
        withholdingCents: 3000,
        netPayableCents: 2300,
      },
    ],
    [
      'no fee but the costs incurred for a cancellation with no fee due',
      { lateCancellation: { due: false } },
      { grossFeeCents: 0, withholdingCents: 0, netPayableCents: 1438 },
    ],
  ])('computes %s', (_label, override, expected) => {
    expect(computeClaimLine({ ...base, ...override }, DEFAULT_FEE_RATES, DEFAULT_TRAVEL_RATES)).toEqual({
      ...baseLine,
      ...expected,
    });
  });

  it('rounds half a cent of hourly fee up, then withholds from the rounded fee', () => {
    // 25.02 €/h for 3 quarters = 1876.5 -> 1877; 12.5 % of 1877 = 234.625 -> 235
    const rates = [{ ...hourly(2502), validFrom: '2026-01-01' }];
    const line = computeClaimLine({ ...base, workedMinutes: 45, preparationMinutes: 0 }, rates, DEFAULT_TRAVEL_RATES);
    expect(line).toEqual({
      ...baseLine,
      grossFeeCents: 1877,
      rateCents: 2502,
      quarterHours: 3,
      withholdingCents: 235,
      netPayableCents: 3080,
    });
  });

  it('uses a new rate only from the day it starts', () => {
    const rates = [...DEFAULT_FEE_RATES, { ...hourly(2700), validFrom: '2026-03-01' }];
    const fees = ['2026-02-28', '2026-03-01'].map(
      (workDate) => computeClaimLine({ ...base, workDate }, rates, DEFAULT_TRAVEL_RATES).grossFeeCents,
    );
    expect(fees).toEqual([5000, 5400]);
  });

  it.each<[string, Partial<ClaimLineInput>, FeeArithmeticErrorCode, RegExp]>([
    ['work before any fee rate', { workDate: '2024-12-31' }, 'RATE_NOT_FOUND', /working_group.*2024-12-31/],
    ['car travel in a year with no rate', { carTravelDate: '2027-01-02' }, 'TRAVEL_RATE_NOT_FOUND', /2027-01-02/],
    ['km without a travel date', { carTravelDate: null }, 'CAR_TRAVEL_DATE_MISSING', /carTravelDate/],
    ['negative worked minutes', { workedMinutes: -1 }, 'NEGATIVE_VALUE', /workedMinutes/],
    ['negative preparation minutes', { preparationMinutes: -1 }, 'NEGATIVE_VALUE', /preparationMinutes/],
    ['negative km', { kmTenths: -125 }, 'NEGATIVE_VALUE', /kmTenths/],
    ['km with a decimal', { kmTenths: 12.5 }, 'NOT_AN_INTEGER', /kmTenths/],
    ['negative public transport', { publicTransportCents: -450 }, 'NEGATIVE_VALUE', /publicTransportCents/],
    ['negative parking', { parkingCents: -1 }, 'NEGATIVE_VALUE', /parkingCents/],
    ['negative other costs', { otherCostsCents: -1 }, 'NEGATIVE_VALUE', /otherCostsCents/],
    ['a tax percentage with three decimals', { taxPercent: 12.345 }, 'INVALID_TAX_PERCENT', /taxPercent/],
    ['a malformed work date', { workDate: '10.2.2026' }, 'INVALID_DATE', /workDate/],
  ])('refuses %s', (_label, override, code, message) => {
    const run = () => computeClaimLine({ ...base, ...override }, DEFAULT_FEE_RATES, DEFAULT_TRAVEL_RATES);
    expect(errorCode(run)).toBe(code);
    expect(run).toThrow(message);
  });

  it('throws a FeeArithmeticError that is an Error with its code', () => {
    let thrown: unknown;
    try {
      computeClaimLine({ ...base, workDate: '2024-12-31' }, DEFAULT_FEE_RATES, DEFAULT_TRAVEL_RATES);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).toMatchObject({ name: 'FeeArithmeticError', code: 'RATE_NOT_FOUND' });
  });
});

describe('priceWork', () => {
  const work = { taskType: TaskType.WorkingGroup, workDate: '2026-03-10', workedMinutes: 120, preparationMinutes: 30 };

  it('prices the started quarter hours at the row in force on the work’s day', () => {
    const raised: FeeRate = { ...hourly(3137), validFrom: '2026-03-10' };
    expect(priceWork(work, [...DEFAULT_FEE_RATES, raised])).toEqual({ rate: raised, quarterHours: 10, feeCents: 7843 }); // 7842.5
    expect(priceWork({ ...work, workDate: '2026-03-09' }, [...DEFAULT_FEE_RATES, raised])).toMatchObject({
      quarterHours: 10,
      feeCents: 6250,
    });
  });

  it('is the fee a claim line pays for the same work, whatever the payee', () => {
    const line = computeClaimLine(
      {
        ...work,
        kmTenths: 0,
        carTravelDate: null,
        publicTransportCents: 0,
        parkingCents: 0,
        otherCostsCents: 0,
        taxPercent: 20,
        payee: 'expert',
      },
      DEFAULT_FEE_RATES,
      DEFAULT_TRAVEL_RATES,
    );
    const priced = priceWork(work, DEFAULT_FEE_RATES);
    expect({ gross: line.grossFeeCents, rate: line.rateCents, quarterHours: line.quarterHours }).toEqual({
      gross: priced.feeCents,
      rate: priced.rate.rateCents,
      quarterHours: priced.quarterHours,
    });
  });

  it('refuses work on a day with no rate in force', () => {
    expect(errorCode(() => priceWork({ ...work, workDate: '2024-12-31' }, DEFAULT_FEE_RATES))).toBe('RATE_NOT_FOUND');
  });
});
