import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';

type Expert = components['schemas']['ExpertResponse'];
const KEY = ['experts', 'me'];

export const useMe = () => useQuery({ queryKey: KEY, queryFn: () => call(api.GET('/api/experts/me')) });

export function useStoreMe() {
  const client = useQueryClient();
  return (expert: Expert) => client.setQueryData(KEY, expert);
}

export const fetchMyData = () => call(api.GET('/api/experts/me/data'));
export const requestErasure = () => call(api.POST('/api/experts/me/erasure-request'));
