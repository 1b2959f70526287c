import { lazy } from 'react';
import { useUser } from '../api/use-session';

const HomePage = lazy(() => import('../features/home/home-page').then((m) => ({ default: m.HomePage })));
const TodayPage = lazy(() =>
  import('../features/coordinator/today/today-page').then((m) => ({ default: m.TodayPage })),
);

// The first page after signing in is the role's own: the coordinator's is today's work queues.
export function RoleHome() {
  if (useUser()?.role === 'coordinator') return <TodayPage />;
  return <HomePage />;
}
