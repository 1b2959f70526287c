import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../api/client';
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
    // Just approved: the worker renders the PDF in a moment; look again until it is there.
    refetchInterval: (query) => (query.state.data?.status === 'approved' && !query.state.data.pdfSha256 ? 2000 : false),
  });

export const contractPdf = (id: string) =>
  call(api.GET('/api/contracts/{id}/pdf', { params: { path: { id }, query: {} }, parseAs: 'blob' })) as Promise<Blob>;

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
