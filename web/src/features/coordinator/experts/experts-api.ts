import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../api/client';
import type { components, operations } from '../../../api/schema';

export type DirectoryQuery = NonNullable<operations['ExpertsController_directory']['parameters']['query']>;
export type DirectoryItem = components['schemas']['ExpertDirectoryItemResponse'];
export type Expert = components['schemas']['ExpertResponse'];
export type Credential = components['schemas']['CredentialResponse'];

const KEY = ['coordinator', 'experts'];

export const useDirectory = (query: DirectoryQuery) =>
  useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: () => call(api.GET('/api/experts', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const useExpert = (id: string) =>
  useQuery({ queryKey: [...KEY, id], queryFn: () => call(api.GET('/api/experts/{id}', { params: { path: { id } } })) });

export const useExpertCredentials = (id: string) =>
  useQuery({
    queryKey: [...KEY, id, 'credentials'],
    queryFn: () => call(api.GET('/api/experts/{id}/credentials', { params: { path: { id } } })),
  });

export const useOverview = (id: string) =>
  useQuery({
    queryKey: [...KEY, id, 'overview'],
    queryFn: () => call(api.GET('/api/experts/{id}/overview', { params: { path: { id } } })),
  });

export const useTopics = () =>
  useQuery({ queryKey: ['topics'], queryFn: () => call(api.GET('/api/topics')), staleTime: Infinity });

export const credentialFile = (id: string) =>
  call(api.GET('/api/credentials/{id}/file', { params: { path: { id } }, parseAs: 'blob' })) as Promise<Blob>;

export const verifyCredential = (id: string) =>
  call(api.POST('/api/credentials/{id}/verify', { params: { path: { id } } }));
export const rejectCredential = (id: string, reason: string) =>
  call(api.POST('/api/credentials/{id}/reject', { params: { path: { id } }, body: { reason } }));

export type ExpertAction = 'activate' | 'resume' | 'retire';
export const moveExpert = (id: string, action: ExpertAction) => {
  const options = { params: { path: { id } } };
  if (action === 'activate') return call(api.POST('/api/experts/{id}/activate', options));
  if (action === 'resume') return call(api.POST('/api/experts/{id}/resume', options));
  return call(api.POST('/api/experts/{id}/retire', options));
};
export const pauseExpert = (id: string, reason: string) =>
  call(
    api.POST('/api/experts/{id}/pause', {
      params: { path: { id } },
      body: reason.trim() ? { reason: reason.trim() } : {},
    }),
  );

// After a decision, everything about this expert (and the queues) is read again.
export function useRefreshExpert(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: [...KEY, id] }),
      client.invalidateQueries({ queryKey: [...KEY, 'list'] }),
      client.invalidateQueries({ queryKey: ['coordinator', 'today'] }),
    ]);
}
