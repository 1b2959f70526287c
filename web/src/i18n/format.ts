import type { Language } from './languages';

// Everything a person reads about time is in the county's own time zone, whatever the device says.
export const TIME_ZONE = 'Europe/Helsinki';

const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
// Words between the date and the time: "ti 3.2.2027 klo 10.00", "tis 3.2.2027 kl. 10.00".
const AT: Record<Language, string> = { fi: 'klo', sv: 'kl.', en: 'at' };

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d${language}${JSON.stringify(options)}`;
  if (!cache.has(key)) cache.set(key, new Intl.DateTimeFormat(LOCALES[language], { timeZone: TIME_ZONE, ...options }));
  return cache.get(key) as Intl.DateTimeFormat;
}
function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n${language}${JSON.stringify(options)}`;
  if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(LOCALES[language], options));
  return cache.get(key) as Intl.NumberFormat;
}

const toDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);

type Parts = Record<'weekday' | 'day' | 'month' | 'year' | 'hour' | 'minute', string>;

function parts(language: Language, value: Date | string): Parts {
  const found: Record<string, string> = {};
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  for (const part of dateFormat(language, options).formatToParts(toDate(value))) found[part.type] = part.value;
  // Intl writes Swedish weekdays with a dot ("tis."); the county writes them without.
  return { ...(found as Parts), weekday: (found.weekday ?? '').replace(/\.$/, '') };
}

// "3.2.2027" in fi and sv (d.M.yyyy, as both are written in Finland); "3/2/2027" is avoided in en too.
export function formatDate(language: Language, value: Date | string): string {
  const p = parts(language, value);
  return `${Number(p.day)}.${Number(p.month)}.${p.year}`;
}

// A period of days: "3.2.2027–5.2.2027", or "3.2.2027" alone when it begins and ends on the same day.
export function formatDateRange(language: Language, from: Date | string, until: Date | string): string {
  const [a, b] = [formatDate(language, from), formatDate(language, until)];
  return a === b ? a : `${a}–${b}`;
}

export function formatTime(language: Language, value: Date | string): string {
  const p = parts(language, value);
  return `${p.hour}.${p.minute}`;
}

// "ti 3.2.2027 klo 10.00" / "tis 3.2.2027 kl. 10.00" / "Wed 3.2.2027 at 10.00"
export function formatDateTime(language: Language, value: Date | string): string {
  const p = parts(language, value);
  return `${p.weekday} ${formatDate(language, value)} ${AT[language]} ${p.hour}.${p.minute}`;
}

export function formatWeekdayDate(language: Language, value: Date | string): string {
  return `${parts(language, value).weekday} ${formatDate(language, value)}`;
}

// "1 234,50 €" in fi and sv; "€1,234.50" in en.
export function formatEuros(language: Language, euros: number): string {
  return numberFormat(language, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(euros);
}

export const formatCents = (language: Language, cents: number) => formatEuros(language, cents / 100);

export function formatNumber(language: Language, value: number, fractionDigits = 0): string {
  return numberFormat(language, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

// "maanantai", "måndag", "Monday" for an ISO weekday (1 = Monday … 7 = Sunday).
export function formatWeekdayName(language: Language, isoWeekday: number): string {
  // 5 January 2026 was a Monday.
  return dateFormat(language, { weekday: 'long' }).format(new Date(Date.UTC(2026, 0, 4 + isoWeekday, 12)));
}

// A calendar month given as "2026-11": "marraskuu 2026", "november 2026", "November 2026"; without the year where
// the page has chosen one ("marraskuu"); `short` for a chart's axis ("marras 2026", "nov. 2026").
export function formatMonth(
  language: Language,
  month: string,
  { year = true, short = false }: { year?: boolean; short?: boolean } = {},
): string {
  const options: Intl.DateTimeFormatOptions = { month: short ? 'short' : 'long', ...(year ? { year: 'numeric' } : {}) };
  // Mid-month at noon in Helsinki: the same month whatever the zone's offset.
  return dateFormat(language, options).format(new Date(`${month}-15T10:00:00Z`));
}
