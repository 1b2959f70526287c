import { TaskType } from '../../../common/domain/task-type';
import { localDate } from '../../../common/i18n/format';
import { FeeArithmeticError, FeeRate, PricedWork, priceWork, WorkToPrice } from './fee-arithmetic.rule';

export interface EstimableWork {
  taskType: TaskType;
  startsAt: Date;
  endsAt: Date;
  preparationMinutes: number;
}

// A booking as the work it will be: its Helsinki day, its booked minutes and its preparation. A claim for work
// done as booked, or for a late cancellation, reports exactly these numbers.
export function bookedWork(work: EstimableWork): WorkToPrice {
  return {
    taskType: work.taskType,
    workDate: localDate(work.startsAt),
    workedMinutes: Math.round((work.endsAt.getTime() - work.startsAt.getTime()) / 60_000),
    preparationMinutes: work.preparationMinutes,
  };
}

// A booking priced by the one pricing function, from the dated schedule rows the caller read from the rates
// table; null when no rate is in force on its day. The contract's terms and every estimate come from here.
export function bookedPrice(work: EstimableWork, rates: readonly FeeRate[]): PricedWork | null {
  try {
    return priceWork(bookedWork(work), rates);
  } catch (error) {
    if (error instanceof FeeArithmeticError && error.code === 'RATE_NOT_FOUND') return null;
    throw error;
  }
}

// The fee an assignment is expected to earn: the offer's estimate, the earnings-ceiling check and the contract's
// expected amount. The claim computes what is actually paid, the same way from the same rows.
export function expectedFeeCents(work: EstimableWork, rates: readonly FeeRate[]): number | null {
  return bookedPrice(work, rates)?.feeCents ?? null;
}

export interface CeilingCheck {
  earnedCents: number;
  expectedCents: number;
  crosses: boolean;
}

// The year's work the expert already holds, and the offered work, each priced like the contract and the claim;
// crossing means going past the ceiling (reaching it exactly does not). Work with no rate in force counts as 0.
export function earningsCeilingCheck(
  held: readonly EstimableWork[],
  offered: EstimableWork,
  ceilingCents: number,
  rates: readonly FeeRate[],
): CeilingCheck {
  const earnedCents = held.reduce((sum, work) => sum + (expectedFeeCents(work, rates) ?? 0), 0);
  const expectedCents = expectedFeeCents(offered, rates) ?? 0;
  return { earnedCents, expectedCents, crosses: earnedCents + expectedCents > ceilingCents };
}
