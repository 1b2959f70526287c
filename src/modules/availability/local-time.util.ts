// Availability is kept in local wall-clock time of the county, so that 09:00–12:00 stays 09:00–12:00 on
// both sides of a daylight-saving change. Times of day are stored as minutes since local midnight.
export const MINUTES_PER_DAY = 24 * 60;

// "00:00".."23:59"; an end may also be "24:00", the end of the day.
export const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const LOCAL_END_TIME_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export function parseLocalTime(value: string): number | null {
  if (!LOCAL_END_TIME_PATTERN.test(value)) return null;
  const [hours, minutes] = value.split(':').map(Number);
  return hours * 60 + minutes;
}

export function formatLocalTime(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) {
    throw new RangeError(`Not a minute of the day: ${minutes}`);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
