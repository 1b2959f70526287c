import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';

// expectedFeeCents is in the offer's response on main (the fee estimate); read where the API sends it.
export type Offer = components['schemas']['OfferResponse'] & { expectedFeeCents?: number | null };
// The accept answer names the drafted contract on main; without it the page points to the contract list.
export type Accepted = components['schemas']['AssignmentResponse'] & { contract?: { id: string } };

// All the expert's offers, answered ones too: one call serves the list and each offer's page.
export function useOffers() {
  return useQuery({ queryKey: ['offers'], queryFn: () => call(api.GET('/api/offers')) as Promise<Offer[]> });
}

export const isWaiting = (offer: Offer, now = Date.now()) =>
  offer.status === 'offered' && new Date(offer.deadline).getTime() > now;

export function useAcceptOffer(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (acknowledgeEarningsCeiling: boolean) =>
      call(
        api.POST('/api/offers/{id}/accept', {
          params: { path: { id } },
          body: acknowledgeEarningsCeiling ? { acknowledgeEarningsCeiling } : {},
        }),
      ) as Promise<Accepted>,
    // An answer changes the home screen, the assignments and the contracts alike.
    onSuccess: () => client.invalidateQueries(),
  });
}

export function useDeclineOffer(id: string) {
  const client = useQueryClient();
  return {
    send: (reason: string) =>
      call(
        api.POST('/api/offers/{id}/decline', {
          params: { path: { id } },
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      ),
    done: () => client.invalidateQueries(),
  };
}
