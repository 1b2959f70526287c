import { TaskType } from '../../../common/domain/task-type';
import {
  carTravelCents,
  ClaimLine,
  computeClaimLine,
  FeeArithmeticError,
  FeePayee,
  FeeRate,
  TravelRate,
  travelRateFor,
} from './fee-arithmetic.rule';

export interface PricedTrip {
  kmTenths: number;
  date: string; // YYYY-MM-DD, Helsinki
}

export interface ClaimToPrice {
  taskType: TaskType;
  workDate: string;
  workedMinutes: number;
  preparationMinutes: number;
  lateCancellation: boolean;
  trips: PricedTrip[];
  publicTransportCents: number;
  parkingCents: number;
  otherCostsCents: number;
}

export interface PayeeTerms {
  payee: FeePayee;
  taxPercent: number | null;
}

// A claim's trips may straddle a new year (out on 31.12, back on 1.1): each year's kilometres are priced at
// that year's rate. computeClaimLine prices the fee, the costs and the first year's trips; any further year
// adds its own car cost, rounded once per year under the same rule.
export function priceClaim(
  claim: ClaimToPrice,
  terms: PayeeTerms,
  fees: readonly FeeRate[],
  travel: readonly TravelRate[],
): ClaimLine {
  const byYear = new Map<string, PricedTrip>();
  for (const trip of [...claim.trips].sort((a, b) => a.date.localeCompare(b.date))) {
    const year = trip.date.slice(0, 4);
    const seen = byYear.get(year);
    byYear.set(year, seen ? { kmTenths: seen.kmTenths + trip.kmTenths, date: seen.date } : { ...trip });
  }
  const [first, ...others] = [...byYear.values()];
  const line = computeClaimLine(
    {
      taskType: claim.taskType,
      workDate: claim.workDate,
      workedMinutes: claim.workedMinutes,
      preparationMinutes: claim.preparationMinutes,
      kmTenths: first?.kmTenths ?? 0,
      carTravelDate: first?.date ?? null,
      publicTransportCents: claim.publicTransportCents,
      parkingCents: claim.parkingCents,
      otherCostsCents: claim.otherCostsCents,
      taxPercent: terms.taxPercent,
      payee: terms.payee,
      lateCancellation: claim.lateCancellation ? { due: true } : undefined,
    },
    fees,
    travel,
  );
  let extra = 0;
  for (const trip of others) {
    const rate = travelRateFor(travel, trip.date);
    if (rate === null)
      throw new FeeArithmeticError('TRAVEL_RATE_NOT_FOUND', `no car travel rate for the date ${trip.date}`);
    extra += carTravelCents(trip.kmTenths, rate);
  }
  return {
    ...line,
    carTravelCents: line.carTravelCents + extra,
    travelAndCostsCents: line.travelAndCostsCents + extra,
    netPayableCents: line.netPayableCents + extra,
  };
}

export interface CostSums {
  publicTransportCents: number;
  parkingCents: number;
  otherCostsCents: number;
}

export function costSums(costs: { kind: 'public_transport' | 'parking' | 'other'; amountCents: number }[]): CostSums {
  const sum = (kind: string) => costs.filter((c) => c.kind === kind).reduce((total, c) => total + c.amountCents, 0);
  return { publicTransportCents: sum('public_transport'), parkingCents: sum('parking'), otherCostsCents: sum('other') };
}

export interface PaymentTerms {
  payee: 'expert' | 'association';
  declinesFee: boolean;
  taxPercent: string | number | null;
  taxCardYear: number | null;
}

// Who is paid and what is withheld. Tax cards are yearly: a card for another year than the payment's
// counts as none (60 %). No payment details at all: the expert, without a tax card.
export function payeeTerms(details: PaymentTerms | null, taxYear: number): PayeeTerms {
  if (details?.declinesFee) return { payee: 'declined', taxPercent: null };
  if (details?.payee === 'association') return { payee: 'association', taxPercent: null };
  const card =
    details && details.taxPercent !== null && details.taxCardYear === taxYear ? Number(details.taxPercent) : null;
  return { payee: 'expert', taxPercent: card };
}
