import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../api/client';
import { lookAgainWhile } from '../../../api/look-again';
import type { components } from '../../../api/schema';

export type Contract = components['schemas']['ContractResponse'];
export type ContractStatus = components['schemas']['ContractStatus'];

const KEY = ['coordinator', 'contracts'];

// The document types limit and offset oddly (an object); they are numbers on the wire.
const pageQuery = (q: { status: ContractStatus; limit: number; offset: number }) =>
  q as unknown as { status: ContractStatus };

export const useContractList = (status: ContractStatus, offset: number) =>
  useQuery({
    queryKey: [...KEY, 'list', status, offset],
    queryFn: () => call(api.GET('/api/contracts', { params: { query: pageQuery({ status, limit: 50, offset }) } })),
  });

export const useContract = (id: string) =>
  useQuery({
    queryKey: [...KEY, id],
    queryFn: () => call(api.GET('/api/contracts/{id}', { params: { path: { id } } })),
    // Just approved: the worker renders the PDF in a moment; look again until it is there, soon at first.
    refetchInterval: (query) =>
      lookAgainWhile(query, query.state.data?.status === 'approved' && !query.state.data.pdfSha256, 2000),
  });

export const contractPdf = (id: string) =>
  call(api.GET('/api/contracts/{id}/pdf', { params: { path: { id }, query: {} }, parseAs: 'blob' })) as Promise<Blob>;

// A draft as it would read if approved now, marked as a draft; rendered on demand, never stored.
export const contractPreviewPdf = (id: string) =>
  call(
    api.GET('/api/contracts/{id}/preview-pdf', { params: { path: { id }, query: {} }, parseAs: 'blob' }),
  ) as Promise<Blob>;

// The expert's other drafts from the same orderer: what a series can be made of.
export const useSeriesCandidates = (expertId: string, organisationId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'series', expertId, organisationId],
    queryFn: () =>
      call(
        api.GET('/api/contracts', {
          params: {
            query: { status: 'draft', expertId, organisationId, limit: 50, offset: 0 } as unknown as {
              status: ContractStatus;
            },
          },
        }),
      ),
    enabled,
  });

export const createContract = (body: components['schemas']['CreateContractDto']) =>
  call(api.POST('/api/contracts', { body }));

export const approveContract = (id: string) =>
  call(api.POST('/api/contracts/{id}/approve', { params: { path: { id } } }));
export const terminateContract = (id: string, reason: string) =>
  call(api.POST('/api/contracts/{id}/terminate', { params: { path: { id } }, body: { reason } }));
export const reviseContract = (id: string, term: { validFrom?: string; validUntil?: string }) =>
  call(api.POST('/api/contracts/{id}/revise', { params: { path: { id } }, body: term }));

export function useRefreshContracts() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: KEY }),
      client.invalidateQueries({ queryKey: ['coordinator', 'today'] }),
    ]);
}
