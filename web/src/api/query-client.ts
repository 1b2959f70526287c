import { QueryClient } from '@tanstack/react-query';

// The app's one query cache: the provider hands it to the screens, and the API client refreshes it when the API
// says that what a screen shows is out of date (see client.ts). A tab come back to reads again what is older than
// the stale time, so that a second tab or a morning's tab shows what others changed meanwhile; what a person has
// typed stays, as forms keep their own state. With the browser offline, a request is still tried and fails at once
// (networkMode 'always'): the person is told there is no connection and may try again, and nothing waits to be sent
// later, when they may have left the form without saving.
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: 1, refetchOnWindowFocus: true, staleTime: 30_000, networkMode: 'always' },
    mutations: { retry: false, networkMode: 'always' },
  },
});
