import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { isApiError } from '../../api/problem';
import type { components } from '../../api/schema';

export type PaymentDetails = components['schemas']['PaymentDetailsResponse'];
export type PaymentDetailsChange = components['schemas']['PaymentDetailsDto'];

const KEY = ['payment-details', 'mine'];

// Only the masked forms: this screen never asks for the clear values.
export const useMyPaymentDetails = () =>
  useQuery({
    queryKey: KEY,
    queryFn: async (): Promise<PaymentDetails | null> => {
      try {
        return await call(api.GET('/api/experts/me/payment-details'));
      } catch (error) {
        // Nothing on file yet: an empty state, not a failure.
        if (isApiError(error) && error.code === 'PAYMENT_DETAILS_MISSING') return null;
        throw error;
      }
    },
  });

export function useStorePaymentDetails() {
  const client = useQueryClient();
  return (details: PaymentDetails) => client.setQueryData(KEY, details);
}

export const savePaymentDetails = (body: PaymentDetailsChange) =>
  call(api.PUT('/api/experts/me/payment-details', { body }));
