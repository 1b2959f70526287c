import { TIME_ZONE } from './format';

// Today in the county (YYYY-MM-DD), and its year: what the county's calendar says, whatever the device's zone.
export const countyToday = (now = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );
export const countyYear = (now = new Date()): number => Number(countyToday(now).slice(0, 4));

// The instant a calendar day (YYYY-MM-DD) begins in Helsinki, with its offset (+02:00 in winter, +03:00 in summer).
export function startOfHelsinkiDay(date: string): string {
  for (const offset of ['+02:00', '+03:00']) {
    const instant = `${date}T00:00:00${offset}`;
    const hour = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', hourCycle: 'h23' }).format(
      new Date(instant),
    );
    if (hour === '00') return instant;
  }
  return `${date}T00:00:00+02:00`;
}

// The day after, as YYYY-MM-DD: the exclusive end of a range that includes `date`.
export function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
