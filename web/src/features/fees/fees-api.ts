import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';

export type Statement = components['schemas']['StatementResponse'];

export const useEarnings = () =>
  useQuery({ queryKey: ['my-fees', 'earnings'], queryFn: () => call(api.GET('/api/my-fees/earnings')) });
export const usePaidLines = () =>
  useQuery({ queryKey: ['my-fees', 'lines'], queryFn: () => call(api.GET('/api/my-fees/lines')) });
export const useStatements = () =>
  useQuery({ queryKey: ['my-fees', 'statements'], queryFn: () => call(api.GET('/api/my-fees/statements')) });

// The PDF with the access token (it never goes into a URL), as bytes the browser then saves.
export const fetchStatement = (id: string) =>
  call(api.GET('/api/my-fees/statements/{id}', { params: { path: { id } }, parseAs: 'blob' })) as Promise<Blob>;
