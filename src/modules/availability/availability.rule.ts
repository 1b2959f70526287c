import { fieldError } from '../../common/errors/domain-error';
import { MINUTES_PER_DAY, parseLocalTime } from './local-time.util';

export interface MinuteRange {
  startMinute: number;
  endMinute: number;
}

// A window lies within one local day and ends after it starts (half-open: 09:00–12:00 and 12:00–15:00 touch).
export function windowMinutes(from: string, to: string): MinuteRange {
  const startMinute = parseLocalTime(from);
  const endMinute = parseLocalTime(to);
  if (startMinute === null || startMinute === MINUTES_PER_DAY)
    throw fieldError('from', 'isLocalTime', 'must be a time of day as HH:MM');
  if (endMinute === null) throw fieldError('to', 'isLocalTime', 'must be a time of day as HH:MM, or 24:00');
  if (endMinute <= startMinute) throw fieldError('to', 'notAfterFrom', 'must be after from');
  return { startMinute, endMinute };
}

// Dates are YYYY-MM-DD (validated on the DTO), so they compare as text.
export function checkValidity(validFrom: string, validUntil: string | null): void {
  if (validUntil !== null && validUntil < validFrom) {
    throw fieldError('validUntil', 'beforeValidFrom', 'must be on or after validFrom');
  }
}

export function checkAbsence(firstDay: string, lastDay: string): void {
  if (lastDay < firstDay) throw fieldError('lastDay', 'beforeFirstDay', 'must be on or after firstDay');
}

export enum UnavailableReason {
  NotActive = 'NOT_ACTIVE',
  // Windows live within one local day, so a range across local midnight is never covered.
  CrossesMidnight = 'CROSSES_MIDNIGHT',
  Absent = 'ABSENT',
  NoWindow = 'NO_WINDOW',
}

// What the database says about one expert and one range (see availability-sql.util.ts).
export interface AvailabilityFacts {
  active: boolean;
  crossesMidnight: boolean;
  absent: boolean;
  covered: boolean;
}

export function unavailableReasons(facts: AvailabilityFacts): UnavailableReason[] {
  const reasons: UnavailableReason[] = [];
  if (!facts.active) reasons.push(UnavailableReason.NotActive);
  if (facts.crossesMidnight) reasons.push(UnavailableReason.CrossesMidnight);
  if (facts.absent) reasons.push(UnavailableReason.Absent);
  // Across midnight no window can cover the range; NO_WINDOW would only repeat that.
  if (!facts.covered && !facts.crossesMidnight) reasons.push(UnavailableReason.NoWindow);
  return reasons;
}
