import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { ApiError, isApiError } from '../../api/problem';
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

// Three forms on one page: the API's field names get the form's prefix, so that an error links to its own field.
async function prefixed<T>(prefix: string, request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (isApiError(error))
      throw new ApiError(
        error.status,
        error.code,
        error.correlationId,
        error.fields.map((f) => ({ ...f, field: `${prefix}-${f.field}` })),
      );
    throw error;
  }
}

export const addWeekly = (body: components['schemas']['CreateWeeklyWindowDto']) =>
  prefixed('weekly', call(api.POST('/api/experts/me/availability/weekly', { body })));
export const addOneOff = (body: components['schemas']['CreateOneOffWindowDto']) =>
  prefixed('oneOff', call(api.POST('/api/experts/me/availability/one-off', { body })));
export const addAbsence = (body: components['schemas']['CreateAbsenceDto']) =>
  prefixed('absence', call(api.POST('/api/experts/me/availability/absences', { body })));

export function removeEntry(kind: Kind, id: string): Promise<unknown> {
  const params = { path: { id } };
  if (kind === 'weekly') return call(api.DELETE('/api/experts/me/availability/weekly/{id}', { params }));
  if (kind === 'one-off') return call(api.DELETE('/api/experts/me/availability/one-off/{id}', { params }));
  return call(api.DELETE('/api/experts/me/availability/absences/{id}', { params }));
}
