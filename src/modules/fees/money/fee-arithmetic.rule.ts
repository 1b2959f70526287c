import { TaskType } from '../../../common/domain/task-type';

// Money arithmetic for fees, travel and withholding: pure functions over plain data, no I/O, no clock.
//
// ROUNDING RULE (the only one): every amount is integer euro cents, computed as an integer
// numerator over an integer denominator and rounded ONCE, half away from zero, to the whole cent
// (all amounts here are >= 0, so that is half up: 687.5 -> 688, 314.625 -> 315, 182.4825 -> 182).
// It is applied at three defined points, each per claim line: the hourly fee, the car travel
// cost and the withholding. No floating-point money, no rounding of intermediate results.
//
// DURATION RULE: worked plus preparation minutes, summed first, are rounded UP to the next started
// quarter hour (0 -> 0, 1 -> 1, 15 -> 1, 16 -> 2, 61 -> 5).

export type FeeBasis = 'hourly' | 'per_event';

export interface FeeRate {
  taskType: TaskType;
  basis: FeeBasis;
  rateCents: number;
  validFrom: string; // YYYY-MM-DD
}

export interface TravelRate {
  year: number;
  carCentsPerKm: number;
}

// The rates table as read at one moment (RatesRepository.currentRates): every dated fee row and every year's car rate.
export interface RateTables {
  fees: readonly FeeRate[];
  travel: readonly TravelRate[];
}

export type FeeArithmeticErrorCode =
  | 'RATE_NOT_FOUND'
  | 'TRAVEL_RATE_NOT_FOUND'
  | 'AMBIGUOUS_RATE'
  | 'NEGATIVE_VALUE'
  | 'NOT_AN_INTEGER'
  | 'OUT_OF_RANGE'
  | 'INVALID_DATE'
  | 'INVALID_TIMESTAMP'
  | 'INVALID_TAX_PERCENT'
  | 'CAR_TRAVEL_DATE_MISSING';

// Plain error so that this file stays free of Nest and HTTP; the service maps it to a DomainError.
export class FeeArithmeticError extends Error {
  constructor(
    readonly code: FeeArithmeticErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FeeArithmeticError';
  }
}

const FROM_2025 = '2025-01-01';

// The rows the Fees migration seeds, from the Finnish public recommendations (PRODUCT.md §5). For tests only:
// the service prices from the fee_schedule and travel_rates tables (RatesRepository.currentRates), never from these.
export const DEFAULT_FEE_RATES: readonly FeeRate[] = Object.freeze([
  { taskType: TaskType.WorkingGroup, basis: 'hourly', rateCents: 2500, validFrom: FROM_2025 },
  { taskType: TaskType.Evaluation, basis: 'hourly', rateCents: 2500, validFrom: FROM_2025 },
  { taskType: TaskType.WorkshopEvent, basis: 'hourly', rateCents: 2500, validFrom: FROM_2025 },
  { taskType: TaskType.ProfessionalPair, basis: 'hourly', rateCents: 2500, validFrom: FROM_2025 },
  { taskType: TaskType.ClientSession, basis: 'per_event', rateCents: 5000, validFrom: FROM_2025 },
  { taskType: TaskType.StaffMeetingTraining, basis: 'per_event', rateCents: 5000, validFrom: FROM_2025 },
  { taskType: TaskType.Lecture, basis: 'per_event', rateCents: 15000, validFrom: FROM_2025 },
] satisfies FeeRate[]);

export const DEFAULT_TRAVEL_RATES: readonly TravelRate[] = Object.freeze([
  { year: 2025, carCentsPerKm: 59 },
  { year: 2026, carCentsPerKm: 55 },
]);

// Withholding where no tax card is on file.
export const DEFAULT_TAX_BASIS_POINTS = 6000;
export const DEFAULT_LATE_CANCELLATION_HOURS = 48;

const MS_PER_HOUR = 3_600_000;
const BASIS_POINTS_PER_WHOLE = 10_000;

function requireCount(value: number, field: string): number {
  if (!Number.isSafeInteger(value)) {
    throw new FeeArithmeticError('NOT_AN_INTEGER', `${field} must be a whole number, got ${value}`);
  }
  if (value < 0) {
    throw new FeeArithmeticError('NEGATIVE_VALUE', `${field} must not be negative, got ${value}`);
  }
  return value;
}

// The rounding rule above, for numerator >= 0 and denominator > 0: floor((2n + d) / 2d).
// Beyond 2^53 integers are no longer exact, so such an amount is refused rather than silently wrong.
function divideRoundHalfUp(numerator: number, denominator: number, field: string): number {
  if (!Number.isSafeInteger(2 * numerator + denominator)) {
    throw new FeeArithmeticError('OUT_OF_RANGE', `${field} is too large to compute exactly`);
  }
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

// A calendar date that exists; plain string comparison then orders dates correctly.
function requireDate(value: string, field: string): string {
  const match = DATE_ONLY.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return value;
    }
  }
  throw new FeeArithmeticError('INVALID_DATE', `${field} must be a real date as YYYY-MM-DD, got '${value}'`);
}

function requireTimestamp(value: Date, field: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new FeeArithmeticError('INVALID_TIMESTAMP', `${field} must be a valid date and time`);
  }
  return ms;
}

// Dated rows are never rewritten: a later row starts a new period and the older one still prices earlier work.
export function rateInForce(rates: readonly FeeRate[], taskType: TaskType, workDate: string): FeeRate | null {
  requireDate(workDate, 'workDate');
  let found: FeeRate | null = null;
  for (const rate of rates) {
    if (rate.taskType !== taskType || requireDate(rate.validFrom, 'validFrom') > workDate) continue;
    if (found !== null && rate.validFrom === found.validFrom) {
      throw new FeeArithmeticError(
        'AMBIGUOUS_RATE',
        `two ${taskType} rates start on ${rate.validFrom}; a period must have exactly one rate`,
      );
    }
    if (found === null || rate.validFrom > found.validFrom) found = rate;
  }
  return found;
}

export function billableQuarterHours(workedMinutes: number, preparationMinutes: number): number {
  const minutes = requireCount(workedMinutes, 'workedMinutes') + requireCount(preparationMinutes, 'preparationMinutes');
  return Math.ceil(minutes / 15);
}

export function feeCents(rate: FeeRate, quarterHours: number): number {
  requireCount(rate.rateCents, 'rateCents');
  requireCount(quarterHours, 'quarterHours');
  if (rate.basis === 'per_event') return rate.rateCents;
  return divideRoundHalfUp(rate.rateCents * quarterHours, 4, 'hourly fee');
}

export interface WorkToPrice {
  taskType: TaskType;
  workDate: string; // YYYY-MM-DD, local date; picks the fee rate
  workedMinutes: number;
  preparationMinutes: number;
}

export interface PricedWork {
  rate: FeeRate;
  quarterHours: number;
  feeCents: number;
}

// THE price of a piece of work, whatever asks (the offer's estimate, the earnings ceiling, the contract, the
// claim, the fee run): the schedule row in force on the work's day, over its started quarter hours.
export function priceWork(work: WorkToPrice, rates: readonly FeeRate[]): PricedWork {
  const rate = rateInForce(rates, work.taskType, work.workDate);
  if (rate === null) {
    throw new FeeArithmeticError('RATE_NOT_FOUND', `no ${work.taskType} fee rate in force on ${work.workDate}`);
  }
  const quarterHours = billableQuarterHours(work.workedMinutes, work.preparationMinutes);
  return { rate, quarterHours, feeCents: feeCents(rate, quarterHours) };
}

// Strictly less than the threshold before the start is late; exactly the threshold is not.
// A cancellation after the start is the latest possible one and is late too.
export function lateCancellationFeeCents(args: {
  cancelledAt: Date;
  startsAt: Date;
  cancelledBy: 'county' | 'expert';
  fullFeeCents: number;
  thresholdHours?: number;
}): { due: boolean; cents: number } {
  const cancelledAt = requireTimestamp(args.cancelledAt, 'cancelledAt');
  const startsAt = requireTimestamp(args.startsAt, 'startsAt');
  requireCount(args.fullFeeCents, 'fullFeeCents');
  const thresholdHours = args.thresholdHours ?? DEFAULT_LATE_CANCELLATION_HOURS;
  if (!Number.isFinite(thresholdHours) || thresholdHours < 0) {
    throw new FeeArithmeticError('NEGATIVE_VALUE', `thresholdHours must be 0 or more, got ${thresholdHours}`);
  }
  // The expert may cancel without penalty, and gets nothing.
  if (args.cancelledBy === 'expert') return { due: false, cents: 0 };
  const due = startsAt - cancelledAt < Math.round(thresholdHours * MS_PER_HOUR);
  return due ? { due: true, cents: args.fullFeeCents } : { due: false, cents: 0 };
}

// travelDate is the LOCAL (Europe/Helsinki) date of travel: a trip at 2025-12-31T23:30Z is a 2026 trip.
export function travelRateFor(rates: readonly TravelRate[], travelDate: string): TravelRate | null {
  const year = Number(requireDate(travelDate, 'travelDate').slice(0, 4));
  const matching = rates.filter((rate) => rate.year === year);
  if (matching.length > 1) {
    throw new FeeArithmeticError('AMBIGUOUS_RATE', `two travel rates for ${year}; a year must have exactly one rate`);
  }
  return matching[0] ?? null;
}

// Kilometres have one decimal, so distance travels as whole tenths of a km (12.5 km -> 125).
export function carTravelCents(kmTenths: number, rate: TravelRate): number {
  requireCount(kmTenths, 'kmTenths');
  requireCount(rate.carCentsPerKm, 'carCentsPerKm');
  return divideRoundHalfUp(kmTenths * rate.carCentsPerKm, 10, 'car travel');
}

// Tax card percentages have at most two decimals (12.5, 7.25), so they become whole basis points.
function taxBasisPoints(taxPercent: number | null): number {
  if (taxPercent === null) return DEFAULT_TAX_BASIS_POINTS;
  const basisPoints = Math.round(taxPercent * 100);
  const hasAtMostTwoDecimals = Math.abs(taxPercent * 100 - basisPoints) < 1e-6;
  const inRange = basisPoints >= 0 && basisPoints <= BASIS_POINTS_PER_WHOLE;
  if (!Number.isFinite(taxPercent) || !hasAtMostTwoDecimals || !inRange) {
    throw new FeeArithmeticError(
      'INVALID_TAX_PERCENT',
      `taxPercent must be between 0 and 100 with at most two decimals, got ${taxPercent}`,
    );
  }
  return basisPoints;
}

// Withholding is on the fee only: travel and costs are tax-free expense compensation and are never
// passed here. No tax card on file (null) means 60 %.
export function withholdingCents(grossFeeCents: number, taxPercent: number | null): number {
  requireCount(grossFeeCents, 'grossFeeCents');
  return divideRoundHalfUp(grossFeeCents * taxBasisPoints(taxPercent), BASIS_POINTS_PER_WHOLE, 'withholding');
}

// Incomes Register: the fee is not paid in an employment relationship; a lecture is a lecture fee (214),
// everything else a meeting fee (210). The switch makes a new task type a compile error until decided.
export function incomeTypeCode(taskType: TaskType): '210' | '214' {
  switch (taskType) {
    case TaskType.Lecture:
      return '214';
    case TaskType.WorkingGroup:
    case TaskType.Evaluation:
    case TaskType.StaffMeetingTraining:
    case TaskType.WorkshopEvent:
    case TaskType.ClientSession:
    case TaskType.ProfessionalPair:
      return '210';
  }
}

export interface ClaimLineInput {
  taskType: TaskType;
  workDate: string; // YYYY-MM-DD, local date; picks the fee rate
  workedMinutes: number; // for a late-cancelled assignment: the booked duration
  preparationMinutes: number;
  kmTenths: number; // own car, tenths of a km
  carTravelDate: string | null; // YYYY-MM-DD, local date; picks the travel rate; needed only when kmTenths > 0
  publicTransportCents: number;
  parkingCents: number;
  otherCostsCents: number;
  taxPercent: number | null; // tax card percentage; null = none on file
  payee: FeePayee;
  lateCancellation?: { due: boolean };
}

export type FeePayee = 'expert' | 'association' | 'declined';

// A payee who declines fees (volunteer work) is paid no fee, only travel and costs. The one place this is decided:
// the fee run's lines (computeClaimLine) and the orderer's cancellation quote both ask here.
export function paysFee(payee: FeePayee): boolean {
  return payee !== 'declined';
}

export interface ClaimLine {
  grossFeeCents: number;
  feeBasis: FeeBasis;
  rateCents: number;
  quarterHours: number;
  incomeType: '210' | '214';
  carTravelCents: number;
  costsCents: number; // public transport + parking + other, at actual cost
  travelAndCostsCents: number; // car travel + costs; never withheld
  withholdingCents: number;
  netPayableCents: number; // gross - withholding + travelAndCosts
}

// Payee rules: 'declined' (volunteer) gives no fee but still reimburses travel and costs; 'association'
// gets the gross fee with no withholding, because the association invoices and handles its own taxes.
// Late cancellation: when due, the full fee as if the work had been done (per event: the rate; hourly:
// workedMinutes is the booked duration); when not due, no fee. Either way the line carries only the
// travel and costs actually incurred, as reported, and reimburses those.
export function computeClaimLine(
  input: ClaimLineInput,
  rates: readonly FeeRate[],
  travelRates: readonly TravelRate[],
): ClaimLine {
  const kmTenths = requireCount(input.kmTenths, 'kmTenths');
  const costsCents =
    requireCount(input.publicTransportCents, 'publicTransportCents') +
    requireCount(input.parkingCents, 'parkingCents') +
    requireCount(input.otherCostsCents, 'otherCostsCents');

  const { rate, quarterHours, feeCents: feeForWork } = priceWork(input, rates);
  const feeEarned = input.lateCancellation?.due === false ? 0 : feeForWork;
  const grossFeeCents = paysFee(input.payee) ? feeEarned : 0;

  let carCents = 0;
  if (kmTenths > 0) {
    if (input.carTravelDate === null) {
      throw new FeeArithmeticError('CAR_TRAVEL_DATE_MISSING', 'carTravelDate is required when kmTenths is above 0');
    }
    const travelRate = travelRateFor(travelRates, input.carTravelDate);
    if (travelRate === null) {
      throw new FeeArithmeticError('TRAVEL_RATE_NOT_FOUND', `no car travel rate for the date ${input.carTravelDate}`);
    }
    carCents = carTravelCents(kmTenths, travelRate);
  }

  const withheld = input.payee === 'expert' ? withholdingCents(grossFeeCents, input.taxPercent) : 0;
  const travelAndCostsCents = carCents + costsCents;
  return {
    grossFeeCents,
    feeBasis: rate.basis,
    rateCents: rate.rateCents,
    quarterHours,
    incomeType: incomeTypeCode(input.taskType),
    carTravelCents: carCents,
    costsCents,
    travelAndCostsCents,
    withholdingCents: withheld,
    netPayableCents: grossFeeCents - withheld + travelAndCostsCents,
  };
}
