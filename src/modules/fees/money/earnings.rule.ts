import { DateTime } from 'luxon';
import { COUNTY_ZONE } from '../../../common/i18n/format';

export interface Period {
  from: Date; // inclusive, the Helsinki midnight starting the year
  until: Date; // exclusive
  firstDay: string; // YYYY-MM-DD
  dayAfter: string;
}

export function yearPeriod(year: number): Period {
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: COUNTY_ZONE });
  const next = start.plus({ years: 1 });
  return { from: start.toJSDate(), until: next.toJSDate(), firstDay: start.toISODate()!, dayAfter: next.toISODate()! };
}

export function helsinkiYear(at: Date): number {
  return DateTime.fromJSDate(at, { zone: COUNTY_ZONE }).year;
}

export interface CeilingStatus {
  ceilingCents: number | null;
  remainingCents: number | null;
  nearCeiling: boolean;
  overCeiling: boolean;
}

// Within 90 % of the ceiling an expert is "close to it": the coordinator should know before the next offer.
// Integer comparison (10 * paid >= 9 * ceiling): no float decides whether someone is warned.
export function ceilingStatus(paidCents: number, ceilingCents: number | null): CeilingStatus {
  if (ceilingCents === null)
    return { ceilingCents: null, remainingCents: null, nearCeiling: false, overCeiling: false };
  return {
    ceilingCents,
    remainingCents: Math.max(0, ceilingCents - paidCents),
    nearCeiling: 10 * paidCents >= 9 * ceilingCents,
    overCeiling: paidCents > ceilingCents,
  };
}
