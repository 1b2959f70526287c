import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { queryClient } from '../api/query-client';
import { session } from '../api/session';
import { AnnouncerProvider } from '../components/announcer';
import { router } from './router';

export function App() {
  useEffect(() => {
    void session.restore();
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <AnnouncerProvider>
        <RouterProvider router={router} />
      </AnnouncerProvider>
    </QueryClientProvider>
  );
}
