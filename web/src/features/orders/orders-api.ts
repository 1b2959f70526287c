import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, readOnce } from '../../api/client';
import type { components } from '../../api/schema';
import { multipart } from '../../api/multipart';

export type Order = components['schemas']['RequestResponse'];
export type OrderInput = components['schemas']['CreateRequestDto'];
export type OrderStatus = components['schemas']['RequestStatus'];
export type OrderAssignment = components['schemas']['OrderAssignmentResponse'];
export type TimelineEvent = components['schemas']['TimelineEventResponse'];
export type Organisation = components['schemas']['OrganisationResponse'];
export type CancellationQuote = components['schemas']['CancellationQuoteResponse'];

export interface OrderFilters {
  status?: OrderStatus;
  organisationId?: string;
  from?: string;
  to?: string;
  offset: number;
}

export const PAGE_SIZE = 20;

export function useOrders(filters: OrderFilters) {
  return useQuery({
    queryKey: ['orders', filters],
    queryFn: () =>
      call(
        api.GET('/api/booking-requests', {
          params: { query: { ...filters, sort: 'newest', limit: PAGE_SIZE as never, offset: filters.offset as never } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: string) {
  return useQuery({
    queryKey: ['orders', id],
    queryFn: () => call(api.GET('/api/booking-requests/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

export function useTimeline(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['orders', id, 'timeline'],
    queryFn: () => call(api.GET('/api/booking-requests/{id}/timeline', { params: { path: { id } } })),
    enabled,
  });
}

// The orderer's own units and projects (the API gives an orderer only those).
export function useMyOrganisations() {
  return useQuery({
    queryKey: ['my-organisations'],
    queryFn: async () => {
      const [units, projects] = await Promise.all([call(api.GET('/api/units')), call(api.GET('/api/projects'))]);
      return [...units, ...projects];
    },
    staleTime: 5 * 60_000,
  });
}

export const useTopics = () =>
  useQuery({ queryKey: ['topics'], queryFn: () => call(api.GET('/api/topics')), staleTime: Infinity });

export function useContractStatus(assignmentId: string) {
  return useQuery({
    queryKey: ['assignments', assignmentId, 'contract-status'],
    queryFn: () => call(api.GET('/api/assignments/{id}/contract-status', { params: { path: { id: assignmentId } } })),
  });
}

export function useFeedback(assignmentId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['assignments', assignmentId, 'feedback'],
    queryFn: () => call(api.GET('/api/assignments/{id}/feedback', { params: { path: { id: assignmentId } } })),
    enabled,
  });
}

// `idempotencyKey`: the order form's own (newIdempotencyKey): sent again after a lost answer, the form changes the
// draft it made instead of making a second one.
export const createOrder = (body: OrderInput, idempotencyKey: string) =>
  call(api.POST('/api/booking-requests', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body }));
export const updateOrder = (id: string, body: OrderInput) =>
  call(api.PUT('/api/booking-requests/{id}', { params: { path: { id } }, body }));
export const submitOrder = (id: string) =>
  call(api.POST('/api/booking-requests/{id}/submit', { params: { path: { id } } }));
export const cancelOrder = (id: string, reason: string) =>
  call(api.POST('/api/booking-requests/{id}/cancel', { params: { path: { id } }, body: { reason } }));
export const quoteOrderCancellation = (id: string) =>
  readOnce(api.GET('/api/booking-requests/{id}/cancellation-quote', { params: { path: { id } } }));
export const completeAssignment = (id: string, tookPlace: boolean) =>
  call(api.POST('/api/assignments/{id}/complete', { params: { path: { id } }, body: { tookPlace } }));
export const giveFeedback = (id: string, rating: number, comment: string) =>
  call(
    api.POST('/api/assignments/{id}/feedback', {
      params: { path: { id } },
      body: { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) },
    }),
  );

export function attachMaterial(id: string, file: File) {
  return call(
    api.PUT('/api/booking-requests/{id}/material', {
      params: { path: { id } },
      ...multipart({ file }),
    }),
  );
}

export async function downloadMaterial(id: string): Promise<Blob> {
  return call(
    api.GET('/api/booking-requests/{id}/material', { params: { path: { id } }, parseAs: 'blob' }),
  ) as unknown as Promise<Blob>;
}

export function useInvalidateOrders() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['orders'] });
}

export const proposeTimeChange = (id: string, startsAt: string, endsAt: string) =>
  call(api.POST('/api/assignments/{id}/time-change', { params: { path: { id } }, body: { startsAt, endsAt } }));
