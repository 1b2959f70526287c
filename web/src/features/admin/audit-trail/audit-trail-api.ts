import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from '../../../api/client';
import type { components, operations } from '../../../api/schema';

export type AuditEvent = components['schemas']['AuditEventResponse'];
export type AuditFilter = Omit<
  NonNullable<operations['AuditTrailController_list']['parameters']['query']>,
  'limit' | 'offset'
>;

export const PAGE_SIZE = 50;

export const useAuditEvents = (filter: AuditFilter, offset: number) =>
  useQuery({
    queryKey: ['audit-events', filter, offset],
    queryFn: () => call(api.GET('/api/audit-events', { params: { query: { ...filter, limit: PAGE_SIZE, offset } } })),
    placeholderData: keepPreviousData,
  });

// The CSV with the access token (never in a URL), as bytes the browser then saves.
export const fetchAuditCsv = (filter: AuditFilter) =>
  call(api.GET('/api/audit-events.csv', { params: { query: filter }, parseAs: 'blob' })) as Promise<Blob>;
