import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';

export type Expert = components['schemas']['ExpertResponse'];
export type ProfileChange = components['schemas']['UpdateProfileDto'];

const KEY = ['experts', 'me'];

export const useMyProfile = () => useQuery({ queryKey: KEY, queryFn: () => call(api.GET('/api/experts/me')) });
// Reference lists change seldom: kept for the session.
export const useTopics = () =>
  useQuery({ queryKey: ['topics'], queryFn: () => call(api.GET('/api/topics')), staleTime: Infinity });

export function useStoreProfile() {
  const client = useQueryClient();
  return (expert: Expert) => client.setQueryData(KEY, expert);
}

export const updateProfile = (body: ProfileChange) => call(api.PATCH('/api/experts/me', { body }));
export const setTopics = (topics: string[], consentVersion: string) =>
  call(api.PUT('/api/experts/me/topics', { body: { topics, consentVersion } }));
export const pause = (reason: string | null) => call(api.POST('/api/experts/me/pause', { body: { reason } }));
export const resume = () => call(api.POST('/api/experts/me/resume'));
