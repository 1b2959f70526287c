import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/use-session';
import { Loading } from '../components/states';

// A page for signed-in people: the others go to sign in, and come back here afterwards (its filters in the address too).
// A locked session keeps its page (hidden behind the lock's dialog), with what was typed in it.
export function RequireSession({ children }: { children: ReactNode }) {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'restoring') return <Loading />;
  if (state.status === 'signedOut')
    return (
      <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search, reason: state.reason }} />
    );
  return children;
}

export function RequireSignedOut({ children }: { children: ReactNode }) {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'restoring') return <Loading />;
  if (state.status === 'signedIn') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from.startsWith('/') ? from : '/'} replace />;
  }
  return children;
}
