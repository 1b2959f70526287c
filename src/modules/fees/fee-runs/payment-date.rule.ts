import { DateTime } from 'luxon';
import { FeeErrors } from '../fees.errors';

// A payment day at most this far ahead: a year, a leap day included.
const PAYMENT_DAYS_AHEAD = 366;

// A fee run's planned payment day (YYYY-MM-DD, Europe/Helsinki; today unless given) and the tax year it gives: tax is
// withheld by the card of the year the fees are paid in, not the year the run starts in.
export function paymentDay(requested: string | undefined, today: string): { paymentDate: string; taxYear: number } {
  const paymentDate = requested ?? today;
  // Dates are YYYY-MM-DD (validated on the DTO), so they compare as text.
  if (paymentDate < today) throw FeeErrors.paymentDateBeforeToday();
  if (paymentDate > DateTime.fromISO(today, { zone: 'utc' }).plus({ days: PAYMENT_DAYS_AHEAD }).toISODate()!)
    throw FeeErrors.paymentDateTooFarAhead(PAYMENT_DAYS_AHEAD);
  return { paymentDate, taxYear: Number(paymentDate.slice(0, 4)) };
}
