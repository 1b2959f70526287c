import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';

export type FeeRate = components['schemas']['FeeRateResponse'];
export type NewFeeRate = components['schemas']['CreateFeeRateDto'];
export type FeeSettings = components['schemas']['FeeSettingsResponse'];

export const useFeeSchedule = () =>
  useQuery({ queryKey: ['fee-schedule'], queryFn: () => call(api.GET('/api/fee-schedule')) });
export const useFeeSettings = () =>
  useQuery({ queryKey: ['fee-settings'], queryFn: () => call(api.GET('/api/fee-settings')) });
export const addFeeRate = (body: NewFeeRate) => call(api.POST('/api/fee-schedule', { body }));
export const updateFeeSettings = (body: Partial<FeeSettings>) => call(api.PATCH('/api/fee-settings', { body }));

// "26", "26,50" or "26.50" euros as cents; NaN when it is not an amount.
export function parseEuros(text: string): number {
  const normalised = text.replace(/\s|€/g, '').replace(',', '.');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(normalised)) return Number.NaN;
  return Math.round(Number(normalised) * 100);
}
