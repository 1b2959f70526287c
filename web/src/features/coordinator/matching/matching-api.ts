import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, readOnce } from '../../../api/client';
import type { components } from '../../../api/schema';

export type Order = components['schemas']['RequestResponse'];
export type Candidate = components['schemas']['CandidateResponse'];
export type MatchingContext = components['schemas']['MatchingContextResponse'];

const KEY = ['coordinator', 'matching'];

export const useOrder = (id: string) =>
  useQuery({
    queryKey: [...KEY, id, 'order'],
    queryFn: () => call(api.GET('/api/booking-requests/{id}', { params: { path: { id } } })),
  });

// The ranking's first page (the API's default 50), best first: the one place that knows the candidates endpoint's shape.
export const fetchCandidates = async (id: string): Promise<Candidate[]> =>
  (await call(api.GET('/api/booking-requests/{id}/candidates', { params: { path: { id } } }))).items;

export const useCandidates = (id: string, enabled: boolean) =>
  useQuery({ queryKey: [...KEY, id, 'candidates'], queryFn: () => fetchCandidates(id), enabled, retry: false });

// The experts left after each condition of a match in turn: why an order has few candidates or none.
export const useMatchFunnel = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, id, 'funnel'],
    queryFn: () => call(api.GET('/api/booking-requests/{id}/match-funnel', { params: { path: { id } } })),
    enabled,
    retry: false,
  });

export const useMatchingContext = (id: string, expertIds: string[]) =>
  useQuery({
    queryKey: [...KEY, id, 'context', expertIds],
    queryFn: () =>
      call(
        api.GET('/api/booking-requests/{id}/matching', {
          params: { path: { id }, query: expertIds.length ? { expertIds: expertIds.join(',') } : {} },
        }),
      ),
  });

export const sendOffers = (id: string, expertIds: string[], deadline: string) =>
  call(api.POST('/api/booking-requests/{id}/offers', { params: { path: { id } }, body: { expertIds, deadline } }));

// `expertAgreedToCrossCeiling`: the coordinator confirmed that the expert agreed to a booking past their yearly
// earnings ceiling (asked only after the API refused one with DIRECT_BOOKING_CROSSES_CEILING).
export const bookDirectly = (id: string, expertId: string, expertAgreedToCrossCeiling = false) =>
  call(
    api.POST('/api/booking-requests/{id}/assignments', {
      params: { path: { id } },
      body: expertAgreedToCrossCeiling ? { expertId, expertAgreedToCrossCeiling } : { expertId },
    }),
  );

// One booked assignment of the order, cancelled by the county: the late-cancellation rule's dry run first.
export const quoteAssignmentCancellation = (id: string) =>
  readOnce(api.GET('/api/assignments/{id}/cancellation-quote', { params: { path: { id } } }));
export const cancelAssignment = (id: string, reason: string) =>
  call(api.POST('/api/assignments/{id}/cancel', { params: { path: { id } }, body: { reason } }));

export function useRefreshMatching(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: [...KEY, id] }),
      client.invalidateQueries({ queryKey: ['coordinator', 'today'] }),
    ]);
}
