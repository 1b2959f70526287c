import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../../api/client';
import type { components } from '../../../api/schema';

export type TodayCounts = components['schemas']['TodayCountsResponse'];

// The coordinator's queues in one call (GET /api/coordinator/today), looked at again every minute.
export const useToday = () =>
  useQuery({
    queryKey: ['coordinator', 'today'],
    queryFn: () => call(api.GET('/api/coordinator/today')),
    refetchInterval: 60_000,
  });

// The coordinator has looked at a no-show: it leaves the queue.
export const markNoShowHandled = (assignmentId: string) =>
  call(api.POST('/api/coordinator/today/no-shows/{assignmentId}/handled', { params: { path: { assignmentId } } }));
