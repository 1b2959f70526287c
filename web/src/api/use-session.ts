import { useSyncExternalStore } from 'react';
import { session, type Me, type SessionState } from './session';

export const useSession = (): SessionState => useSyncExternalStore(session.subscribe, session.current);

// The person whose pages these are: signed in, or behind the lock of a session that ended by itself (their page
// stays as it was until they sign in again).
export function useUser(): Me | undefined {
  const state = useSession();
  return state.status === 'signedIn' || state.status === 'locked' ? state.user : undefined;
}
