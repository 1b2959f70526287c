import { DateTime } from 'luxon';
import { Language } from './language';

export const COUNTY_ZONE = 'Europe/Helsinki';

const LOCALES: Record<`${Language}`, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

// Instants are stored in UTC and always shown in the county's time.
export function formatDateTime(at: Date, language: `${Language}`): string {
  return DateTime.fromJSDate(at, { zone: COUNTY_ZONE }).setLocale(LOCALES[language]).toFormat('d.M.yyyy HH:mm');
}

export function formatTimeRange(start: Date, end: Date, language: `${Language}`): string {
  const s = DateTime.fromJSDate(start, { zone: COUNTY_ZONE }).setLocale(LOCALES[language]);
  const e = DateTime.fromJSDate(end, { zone: COUNTY_ZONE });
  return `${s.toFormat('ccc d.M.yyyy HH:mm')}–${e.toFormat('HH:mm')}`;
}

export function localDate(at: Date): string {
  return DateTime.fromJSDate(at, { zone: COUNTY_ZONE }).toISODate()!;
}
