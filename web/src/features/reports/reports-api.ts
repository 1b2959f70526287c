import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

const opts = (year: number) => ({ params: { query: { year } } });
export const useSpend = (year: number) =>
  useQuery({ queryKey: ['reports', 'spend', year], queryFn: () => call(api.GET('/api/reports/spend', opts(year))) });
export const useHours = (year: number) =>
  useQuery({ queryKey: ['reports', 'hours', year], queryFn: () => call(api.GET('/api/reports/hours', opts(year))) });
export const useUnfilled = (year: number) =>
  useQuery({
    queryKey: ['reports', 'unfilled', year],
    queryFn: () => call(api.GET('/api/reports/unfilled', opts(year))),
  });
export const useEarnings = (year: number) =>
  useQuery({
    queryKey: ['reports', 'earnings', year],
    queryFn: () => call(api.GET('/api/reports/earnings', opts(year))),
  });
export const useNoShows = (year: number) =>
  useQuery({
    queryKey: ['reports', 'no-shows', year],
    queryFn: () => call(api.GET('/api/reports/no-shows', opts(year))),
  });
export const useTopicNames = () =>
  useQuery({ queryKey: ['topics'], queryFn: () => call(api.GET('/api/topics')), staleTime: Infinity });

// The same numbers as the table, as a CSV file: RFC 4180, formula-safe cells, a header row.
export function toCsv(header: string[], rows: (string | number)[][]): Blob {
  const cell = (value: string | number) => {
    const text = typeof value === 'number' ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const text = [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  return new Blob([text], { type: 'text/csv;charset=utf-8' });
}
