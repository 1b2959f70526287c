import { DateTime } from 'luxon';
import { COUNTY_ZONE } from '../../../common/i18n/format';

export interface InactivityPolicy {
  inactiveMonths: number;
  // 0: no notice, anonymised as soon as the period is over.
  noticeDays: number;
}

export interface InactivityFacts {
  lastActiveAt: Date;
  noticeAt: Date | null;
}

export type InactivityStep = { action: 'notice'; anonymiseOn: Date } | { action: 'anonymise' } | null;

const plus = (at: Date, duration: { months?: number; days?: number }) =>
  DateTime.fromJSDate(at, { zone: COUNTY_ZONE }).plus(duration).toJSDate();

// What the privacy job does today with an expert who has nothing open. The period runs from the last activity;
// a notice goes first, and the data is anonymised only once the period is over AND the notice is noticeDays
// old: an expert always gets the full notice, even when the job first runs on a long-idle installation. Any
// activity after the notice voids it (and starts a new period).
export function inactivityStep(facts: InactivityFacts, now: Date, policy: InactivityPolicy): InactivityStep {
  const periodEnds = plus(facts.lastActiveAt, { months: policy.inactiveMonths });
  if (policy.noticeDays === 0) return now >= periodEnds ? { action: 'anonymise' } : null;
  const noticeCounts = facts.noticeAt !== null && facts.noticeAt >= facts.lastActiveAt;
  if (!noticeCounts) {
    if (now < plus(periodEnds, { days: -policy.noticeDays })) return null;
    const noticeEnds = plus(now, { days: policy.noticeDays });
    return { action: 'notice', anonymiseOn: noticeEnds > periodEnds ? noticeEnds : periodEnds };
  }
  return now >= periodEnds && now >= plus(facts.noticeAt!, { days: policy.noticeDays })
    ? { action: 'anonymise' }
    : null;
}

// Everyone the step may act on today was last active before this instant (with a few days to spare for the
// lengths of months): the database narrows the experts down with it.
export function lastActiveBefore(now: Date, policy: InactivityPolicy): Date {
  return plus(now, { months: -policy.inactiveMonths, days: policy.noticeDays + 3 });
}
