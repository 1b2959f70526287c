import { QueryClient } from '@tanstack/react-query';

// The app's one query cache: the provider hands it to the screens, and the API client refreshes it when the API
// says that what a screen shows is out of date (see client.ts).
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});
