import { DateTime } from 'luxon';
import { Language } from './language';

export const COUNTY_ZONE = 'Europe/Helsinki';

// The county's calendar date of an instant, as YYYY-MM-DD. Priced on every order, offer and booking shown, so it
// is cheap: Helsinki's offset has been whole hours since 1921 (+2, +3 in summer), so the date changes only on a
// whole UTC hour and one Intl formatting per hour serves every instant in it (luxon built a zone-aware DateTime
// per call, about 40 µs). format.spec.ts checks it against luxon across both daylight-saving changes.
const COUNTY_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: COUNTY_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const HOUR_MS = 3_600_000;
const datesByHour = new Map<number, string>();

export function localDate(at: Date): string {
  const hour = Math.floor(at.getTime() / HOUR_MS);
  let date = datesByHour.get(hour);
  if (date === undefined) {
    const part = Object.fromEntries(COUNTY_DATE.formatToParts(at).map((p) => [p.type, p.value]));
    date = `${part.year}-${part.month}-${part.day}`;
    if (datesByHour.size >= 100_000) datesByHour.clear();
    datesByHour.set(hour, date);
  }
  return date;
}

// The formats of documents (contract and statement PDFs, mails): one place, so that a contract,
// its statement and the mail about it write a date and an amount alike.

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

// A YYYY-MM-DD date read directly, without a time zone to shift it.
export function calendarDay(isoDate: string): CalendarDay {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || month < 1 || month > 12 || day < 1 || day > 31) throw new RangeError(`Invalid date: ${isoDate}`);
  return { year, month, day };
}

// An ISO instant as the county's wall-clock time.
export function countyTime(iso: string): DateTime {
  const dt = DateTime.fromISO(iso, { zone: 'utc' }).setZone(COUNTY_ZONE);
  if (!dt.isValid) throw new RangeError(`Invalid ISO instant: ${iso}`);
  return dt;
}

// Finnish and Swedish write 3.3.2026; English "3 March 2026" (long), "3 Mar 2026" (short) or "03/03/2026" (numeric).
export function formatDate(
  date: string | CalendarDay,
  language: `${Language}`,
  style: 'long' | 'short' | 'numeric' = 'long',
): string {
  const { year, month, day } = typeof date === 'string' ? calendarDay(date) : date;
  if (language !== 'en') return `${day}.${month}.${year}`;
  if (style === 'numeric') return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
  const name = EN_MONTHS[month - 1];
  return `${day} ${style === 'short' ? name.slice(0, 3) : name} ${year}`;
}

const NBSP = '\u00a0';

function groupThousands(whole: string, separator: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

// Integer cents to "1 250,00 €" (fi, sv) or "€1,250.00" (en). A fractional cent rate (e.g. a km rate
// of 57.5 cents) keeps its extra digits instead of being rounded on paper.
export function formatMoney(cents: number, language: `${Language}`): string {
  const [whole, digits] = (Math.abs(cents) / 100).toFixed(4).split('.');
  const fraction = digits.slice(0, 2) + digits.slice(2).replace(/0+$/, '');
  const sign = cents < 0 ? '-' : '';
  if (language === 'en') return `${sign}€${groupThousands(whole, ',')}.${fraction}`;
  return `${sign}${groupThousands(whole, NBSP)},${fraction}${NBSP}€`;
}

// Weekday abbreviations kept here rather than taken from ICU, so the output never depends on the Node build.
const WEEKDAYS: Record<`${Language}`, string[]> = {
  fi: ['ma', 'ti', 'ke', 'to', 'pe', 'la', 'su'],
  sv: ['mån', 'tis', 'ons', 'tors', 'fre', 'lör', 'sön'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

// Finnish and Finland-Swedish write 9.00; English writes 9:00.
export function clock(dt: DateTime, separator: '.' | ':'): string {
  return `${dt.hour}${separator}${String(dt.minute).padStart(2, '0')}`;
}

const AT: Record<`${Language}`, string> = { fi: 'klo', sv: 'kl.', en: '' };

const iso = (at: Date | string) => (typeof at === 'string' ? at : at.toISOString());

// A span of time in two lines, the day and the hours ("ti 3.2.2027" / "klo 10.00–12.00"), or, over midnight, each end
// with its own day: a contract's task table and, joined, a mail.
export function formatTimeLines(startsAt: Date | string, endsAt: Date | string, language: `${Language}`): string[] {
  const start = countyTime(iso(startsAt));
  const end = countyTime(iso(endsAt));
  const day = (dt: DateTime) => `${WEEKDAYS[language][dt.weekday - 1]} ${formatDate(dt, language)}`;
  const sameDay = start.year === end.year && start.month === end.month && start.day === end.day;
  if (language === 'en') {
    return sameDay
      ? [day(start), `${clock(start, ':')}–${clock(end, ':')}`]
      : [`${day(start)}, ${clock(start, ':')} –`, `${day(end)}, ${clock(end, ':')}`];
  }
  const at = AT[language];
  return sameDay
    ? [day(start), `${at} ${clock(start, '.')}–${clock(end, '.')}`]
    : [`${day(start)} ${at} ${clock(start, '.')} –`, `${day(end)} ${at} ${clock(end, '.')}`];
}

// The same span on one line, for a mail: "ti 3.2.2027 klo 10.00–12.00", "tis 3.2.2027 kl. 10.00–12.00",
// "Wed 3 February 2027, 10:00–12:00".
export function formatTimeRange(start: Date, end: Date, language: `${Language}`): string {
  const [first, second] = formatTimeLines(start, end, language);
  return language === 'en' && !first.endsWith('–') ? `${first}, ${second}` : `${first} ${second}`;
}

// An instant: "ti 3.2.2027 klo 10.00", "tis 3.2.2027 kl. 10.00", "Wed 3 February 2027, 10:00".
export function formatDateTime(at: Date, language: `${Language}`): string {
  const dt = countyTime(iso(at));
  const day = `${WEEKDAYS[language][dt.weekday - 1]} ${formatDate(dt, language)}`;
  return language === 'en' ? `${day}, ${clock(dt, ':')}` : `${day} ${AT[language]} ${clock(dt, '.')}`;
}
