import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../../api/client';

// The coordinator's queues in one call (GET /api/coordinator/today), looked at again every minute.
export const useToday = () =>
  useQuery({
    queryKey: ['coordinator', 'today'],
    queryFn: () => call(api.GET('/api/coordinator/today')),
    refetchInterval: 60_000,
  });
