import type { Availability } from './availability-api';

// Dates as the API writes them (YYYY-MM-DD, local to Europe/Helsinki); arithmetic on them in UTC, where a day
// is always 24 hours.
const DAY_MS = 86_400_000;

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

// 1 = Monday … 7 = Sunday, as the API counts.
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export const mondayOf = (date: string) => addDays(date, 1 - isoWeekday(date));

export function isoWeekNumber(date: string): number {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const yearStart = `${thursday.slice(0, 4)}-01-01`;
  return Math.floor((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${yearStart}T00:00:00Z`)) / DAY_MS / 7) + 1;
}

// A date at noon UTC: the same calendar date in Helsinki, for the date formatters.
export const asInstant = (date: string) => new Date(`${date}T12:00:00Z`);

// "09:00" → "9.00", as times are written in Finland.
export const localTime = (time: string) => time.replace(/^0(\d)/, '$1').replace(':', '.');

export interface DayPlan {
  date: string;
  hours: { from: string; to: string; single: boolean }[];
  absent: boolean;
}

export function weekPlan(availability: Availability, monday: string): DayPlan[] {
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(monday, i);
    const weekday = i + 1;
    const weekly = availability.weekly
      .filter((w) => w.weekday === weekday && w.validFrom <= date && (w.validUntil === null || w.validUntil >= date))
      .map((w) => ({ from: w.from, to: w.to, single: false }));
    const single = availability.oneOff
      .filter((o) => o.date === date)
      .map((o) => ({ from: o.from, to: o.to, single: true }));
    const absent = availability.absences.some((a) => a.firstDay <= date && date <= a.lastDay);
    return { date, hours: [...weekly, ...single].sort((a, b) => a.from.localeCompare(b.from)), absent };
  });
}
