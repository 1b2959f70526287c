import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';

export type Availability = components['schemas']['AvailabilityResponse'];
export type Kind = 'weekly' | 'one-off' | 'absences';

const KEY = ['availability', 'mine'];

export const useMyAvailability = () =>
  useQuery({ queryKey: KEY, queryFn: () => call(api.GET('/api/experts/me/availability')) });

export function useRefreshAvailability() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: KEY });
}

export const addWeekly = (body: components['schemas']['CreateWeeklyWindowDto']) =>
  call(api.POST('/api/experts/me/availability/weekly', { body }));
export const addOneOff = (body: components['schemas']['CreateOneOffWindowDto']) =>
  call(api.POST('/api/experts/me/availability/one-off', { body }));
export const addAbsence = (body: components['schemas']['CreateAbsenceDto']) =>
  call(api.POST('/api/experts/me/availability/absences', { body }));

export function removeEntry(kind: Kind, id: string): Promise<unknown> {
  const params = { path: { id } };
  if (kind === 'weekly') return call(api.DELETE('/api/experts/me/availability/weekly/{id}', { params }));
  if (kind === 'one-off') return call(api.DELETE('/api/experts/me/availability/one-off/{id}', { params }));
  return call(api.DELETE('/api/experts/me/availability/absences/{id}', { params }));
}
