import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../api/client';
import type { components } from '../../../api/schema';

export type Claim = components['schemas']['ClaimResponse'];
export type ClaimStatus = components['schemas']['ClaimStatus'];

const KEY = ['coordinator', 'claims'];
// The document types limit and offset oddly (an object); they are numbers on the wire.
const pageQuery = (q: { status: ClaimStatus; limit: number; offset: number }) =>
  q as unknown as { status: ClaimStatus };

export const useClaimList = (status: ClaimStatus, offset: number) =>
  useQuery({
    queryKey: [...KEY, 'list', status, offset],
    queryFn: () => call(api.GET('/api/claims', { params: { query: pageQuery({ status, limit: 50, offset }) } })),
  });

export const useClaim = (id: string) =>
  useQuery({ queryKey: [...KEY, id], queryFn: () => call(api.GET('/api/claims/{id}', { params: { path: { id } } })) });

export const receiptFile = (id: string, costId: string) =>
  call(
    api.GET('/api/claims/{id}/costs/{costId}/receipt', { params: { path: { id, costId } }, parseAs: 'blob' }),
  ) as Promise<Blob>;

export const approveClaim = (id: string) => call(api.POST('/api/claims/{id}/approve', { params: { path: { id } } }));
export const returnClaim = (id: string, reason: string) =>
  call(api.POST('/api/claims/{id}/return', { params: { path: { id } }, body: { reason } }));

export function useRefreshClaims() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: KEY }),
      client.invalidateQueries({ queryKey: ['coordinator', 'today'] }),
    ]);
}
