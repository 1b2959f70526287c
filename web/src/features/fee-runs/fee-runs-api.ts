import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { lookAgainWhile } from '../../api/look-again';
import type { components } from '../../api/schema';

export type FeeRun = components['schemas']['FeeRunResponse'];
export type FeeRunStatus = components['schemas']['FeeRunStatus'];
export type FeeRunFile = components['schemas']['FeeRunFileResponse'];
export type FeeRunLine = components['schemas']['FeeRunLineResponse'];
export type TaskType = components['schemas']['TaskType'];
export type LinePayee = components['schemas']['LinePayee'];
export interface LineFilter {
  costCentre?: string;
  taskType?: TaskType;
  payeeKind?: LinePayee;
}

export const LINES_PAGE = 50;
const path = (id: string) => ({ params: { path: { id } } });
export const computing = (status: FeeRunStatus | undefined) => status === 'queued' || status === 'running';

export const useFeeRuns = (offset: number) =>
  useQuery({
    queryKey: ['fee-runs', 'list', offset],
    queryFn: () => call(api.GET('/api/fee-runs', { params: { query: { limit: 20, offset } } })),
    placeholderData: keepPreviousData,
    // A run in the list may be computing or exporting: its status follows without a reload.
    refetchInterval: (query) =>
      lookAgainWhile(
        query,
        query.state.data?.items.some((r) => computing(r.status) || (r.exportRequestedAt && !r.exportedAt)) ?? false,
        2000,
      ),
  });

// The run itself; polled while the worker has it (computing, or exporting after the request), soon at first, then
// every second.
export const useFeeRun = (id: string) =>
  useQuery({
    queryKey: ['fee-runs', id],
    queryFn: () => call(api.GET('/api/fee-runs/{id}', path(id))),
    refetchInterval: (query) => {
      const run = query.state.data;
      return lookAgainWhile(
        query,
        !!run && (computing(run.status) || (!!run.exportRequestedAt && !run.exportedAt)),
        1000,
      );
    },
  });

// The progress bar's feed: polled while the worker computes, soon at first, then every second.
export const useFeeRunProgress = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['fee-runs', id, 'progress'],
    queryFn: () => call(api.GET('/api/fee-runs/{id}/progress', path(id))),
    refetchInterval: (query) => lookAgainWhile(query, computing(query.state.data?.status) || !query.state.data, 1000),
    enabled,
  });

export const useFeeRunLines = (id: string, filter: LineFilter, offset: number, enabled: boolean) =>
  useQuery({
    queryKey: ['fee-runs', id, 'lines', filter, offset],
    queryFn: () =>
      call(
        api.GET('/api/fee-runs/{id}/lines', {
          params: { path: { id }, query: { ...filter, limit: LINES_PAGE, offset } },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useCostCentres = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['fee-runs', id, 'cost-centres'],
    queryFn: () => call(api.GET('/api/fee-runs/{id}/cost-centres', path(id))),
    enabled,
  });

export const useFeeRunFiles = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['fee-runs', id, 'files'],
    queryFn: () => call(api.GET('/api/fee-runs/{id}/files', path(id))),
    enabled,
  });

export const startFeeRun = (body: { upTo: string; paymentDate: string }) => call(api.POST('/api/fee-runs', { body }));

export function useRunAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: 'approve' | 'export' | 'retry') => {
      if (action === 'approve') return call(api.POST('/api/fee-runs/{id}/approve', path(id)));
      if (action === 'export') return call(api.POST('/api/fee-runs/{id}/export', path(id)));
      return call(api.POST('/api/fee-runs/{id}/retry', path(id)));
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['fee-runs'] }),
  });
}

// A file with the access token (never in a URL), as bytes the browser then saves.
export const fetchFeeRunFile = (id: string, fileId: string) =>
  call(
    api.GET('/api/fee-runs/{id}/files/{fileId}', { params: { path: { id, fileId } }, parseAs: 'blob' }),
  ) as Promise<Blob>;
