import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { multipart } from '../../api/multipart';

export type Claim = components['schemas']['ClaimResponse'];
export type ClaimStatus = components['schemas']['ClaimStatus'];
export type CostKind = components['schemas']['ClaimCostKind'];
export type Trip = components['schemas']['TripDto'];
type Assignment = components['schemas']['AssignmentResponse'];

const KEY = ['claims'];

export const useMyClaims = () => useQuery({ queryKey: KEY, queryFn: () => call(api.GET('/api/claims')) });

export const useClaim = (id: string) =>
  useQuery({ queryKey: [...KEY, id], queryFn: () => call(api.GET('/api/claims/{id}', { params: { path: { id } } })) });

export const useMyAssignments = () =>
  useQuery({ queryKey: ['assignments'], queryFn: () => call(api.GET('/api/assignments')) });

// Work the orderer confirmed as done, and work the county cancelled late (whose claim is filed for the
// expert): the assignments a claim is made for.
export const isClaimable = (a: Assignment) => a.status === 'completed' || (a.status === 'cancelled' && a.feeDue);

export function useStoreClaim() {
  const client = useQueryClient();
  return async (claim: Claim) => {
    client.setQueryData([...KEY, claim.id], claim);
    await client.invalidateQueries({ queryKey: KEY, exact: true });
  };
}

export const createClaim = (assignmentId: string) => call(api.POST('/api/claims', { body: { assignmentId } }));

export interface ClaimChanges {
  workedMinutes?: number;
  preparationMinutes?: number;
  trips?: Trip[];
  note?: string;
}

// Made on the claim as this screen read it: changed meanwhile (a second tab), the API refuses with CLAIM_CHANGED and
// the screen reads it again, rather than one tab's trips overwriting the other's.
export const updateClaim = (claim: Pick<Claim, 'id' | 'version'>, changes: ClaimChanges) =>
  call(
    api.PATCH('/api/claims/{id}', {
      params: { path: { id: claim.id } },
      body: { ...changes, version: claim.version },
    }),
  );

export const submitClaim = (id: string) => call(api.POST('/api/claims/{id}/submit', { params: { path: { id } } }));

export interface NewCost {
  kind: CostKind;
  amountCents: number;
  description: string;
  receipt: File;
}

// A multipart form: the fields first, the receipt last (the server reads the fields before the bytes).
// `idempotencyKey`: the cost form's own (newIdempotencyKey), new after each cost added: sent again after a lost
// answer, the form adds nothing more.
export const addCost = (id: string, cost: NewCost, idempotencyKey: string) =>
  call(
    api.POST('/api/claims/{id}/costs', {
      params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
      ...multipart({
        kind: cost.kind,
        amountCents: cost.amountCents,
        description: cost.description || undefined,
        receipt: cost.receipt,
      }),
    }),
  );

export const removeCost = (id: string, costId: string) =>
  call(api.DELETE('/api/claims/{id}/costs/{costId}', { params: { path: { id, costId } } }));

// The expert may change a draft or a returned claim; a late cancellation's claim, filed for them as
// submitted, stays open for travel until the coordinator decides.
export const isEditable = (c: Claim) =>
  c.status === 'draft' || c.status === 'returned' || (c.lateCancellation && c.status === 'submitted');
export const canSubmit = (c: Claim) => c.status === 'draft' || c.status === 'returned';
