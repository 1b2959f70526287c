import { TIME_ZONE } from '../../i18n/format';

// An assignment lasts at most one working day, as the API holds it (longerThanWorkDay).
export const MAX_ASSIGNMENT_MS = 10 * 3600_000;

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

// A moment as the county's wall clock reads it: { date: '2027-02-03', time: '10.00' → '10:00' }.
export function helsinkiParts(instant: Date | string): { date: string; time: string } {
  const found: Record<string, string> = {};
  for (const p of parts.formatToParts(typeof instant === 'string' ? new Date(instant) : instant))
    found[p.type] = p.value;
  return { date: `${found.year}-${found.month}-${found.day}`, time: `${found.hour}:${found.minute}` };
}

// The instant a Helsinki wall-clock date and time name, as an ISO string with Z. Two rounds find the offset
// in force on that day (+02:00 or +03:00), whatever the browser's own zone.
export function helsinkiInstant(date: string, time: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wanted = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const seen = helsinkiParts(new Date(guess));
    const [sy, sm, sd] = seen.date.split('-').map(Number);
    const [sh, smin] = seen.time.split(':').map(Number);
    guess += wanted - Date.UTC(sy, sm - 1, sd, sh, smin);
  }
  return new Date(guess).toISOString();
}
