import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';

const KEY = ['calendar-feed', 'mine'];

export const useCalendarFeed = () =>
  useQuery({ queryKey: KEY, queryFn: () => call(api.GET('/api/experts/me/calendar-feed')) });

export function useRefreshCalendarFeed() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: KEY });
}

export const createFeed = () => call(api.POST('/api/experts/me/calendar-feed'));
export const revokeFeed = () => call(api.DELETE('/api/experts/me/calendar-feed'));
