import { TaskType } from '../../common/domain/task-type';
import { localDate } from '../../common/i18n/format';
import { billableQuarterHours, DEFAULT_FEE_RATES, FeeRate, feeCents, rateInForce } from '../fees/fee-arithmetic';

export interface EstimableWork {
  taskType: TaskType;
  startsAt: Date;
  endsAt: Date;
  preparationMinutes: number;
}

// The fee an assignment is expected to earn, from the schedule in force on its day. Used for the
// earnings-ceiling warning and the contract's expected amount; the claim computes what is actually paid.
export function expectedFeeCents(work: EstimableWork, rates: readonly FeeRate[] = DEFAULT_FEE_RATES): number {
  const rate = rateInForce(rates, work.taskType, localDate(work.startsAt));
  if (!rate) return 0;
  const minutes = Math.round((work.endsAt.getTime() - work.startsAt.getTime()) / 60_000);
  return feeCents(rate, billableQuarterHours(minutes, work.preparationMinutes));
}
