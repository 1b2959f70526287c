import { TIME_ZONE } from './format';

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
