import createClient from 'openapi-fetch';
import { ApiError } from './problem';
import { queryClient } from './query-client';
import type { components, paths } from './schema';

// The browser session. The access token lives in this module's memory only: never in storage, never in a
// URL. The refresh token is an httpOnly cookie the script cannot read (Path=/api/auth); the readable
// kokemus_csrf cookie is echoed in X-CSRF-Token on the calls that use it. A reload restores the session
// through the cookie; the token is refreshed before it expires while the person is active; after a long
// idle time a dialog warns before signing out and lets the person continue (WCAG 2.2.1).
//
// A session that ends by itself (idle, or its token no longer accepted) locks the page instead of leaving it:
// the server's session is ended and the page is hidden behind a sign-in dialog, but the page stays mounted, so
// what the person had typed is there when they sign in again (UI.md: nothing lost if they stop halfway). Calls
// made while locked wait for the unlock. Signing out, by choice or from the lock, forgets the page and the cache,
// so that the next person on a shared computer never sees the last one's data.

export type Me = components['schemas']['MeResponse'];
export type EndReason = 'signedOut' | 'expired' | 'idle';
export type SessionState =
  | { status: 'restoring' }
  | { status: 'signedOut'; reason?: EndReason }
  | { status: 'signedIn'; user: Me; warning?: { signOutAt: number } }
  | { status: 'locked'; user: Me; reason: Exclude<EndReason, 'signedOut'> };

export const IDLE_LIMIT_MS = 30 * 60_000;
export const WARNING_BEFORE_MS = 2 * 60_000;
const REFRESH_BEFORE_EXPIRY_MS = 60_000;
const TICK_MS = 5_000;
const CSRF_COOKIE = 'kokemus_csrf';

// Its own client: the app's client (client.ts) adds the token from here and reports a 401 here.
const auth = createClient<paths>({ baseUrl: '' });

function csrfToken(): string | undefined {
  const pair = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return pair ? decodeURIComponent(pair.slice(CSRF_COOKIE.length + 1)) : undefined;
}

let state: SessionState = { status: 'restoring' };
let token: string | undefined;
let expiresAt = 0;
let lastActivity = Date.now();
let ticker: ReturnType<typeof setInterval> | undefined;
let refreshing: Promise<boolean> | undefined;
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

function ensureTicker(): void {
  if (!ticker) ticker = setInterval(tick, TICK_MS);
}

function tick(): void {
  if (state.status !== 'signedIn') return;
  const now = Date.now();
  const idleFor = now - lastActivity;
  if (idleFor >= IDLE_LIMIT_MS) {
    void endSession('idle');
    return;
  }
  if (idleFor >= IDLE_LIMIT_MS - WARNING_BEFORE_MS) {
    if (!state.warning) set({ ...state, warning: { signOutAt: lastActivity + IDLE_LIMIT_MS } });
  } else if (now >= expiresAt - REFRESH_BEFORE_EXPIRY_MS) {
    void refresh().then(async (ok) => {
      if (!ok) await endSession('expired');
    });
  }
}

interface TokenBody {
  accessToken: string;
  expiresIn: number;
}

function accept(body: TokenBody): void {
  token = body.accessToken;
  expiresAt = Date.now() + body.expiresIn * 1000;
}

async function loadMe(): Promise<Me> {
  const { data, error, response } = await auth.GET('/api/me', { headers: { authorization: `Bearer ${token}` } });
  if (!data) throw ApiError.from(response.status, error, response);
  return data;
}

async function refresh(): Promise<boolean> {
  const csrf = csrfToken();
  if (!csrf) return false;
  refreshing ??= (async () => {
    try {
      // The refresh token travels in its cookie; the body stays empty.
      const { data, response } = await auth.POST('/api/auth/refresh', {
        headers: { 'x-csrf-token': csrf },
        body: undefined as never,
        credentials: 'same-origin',
      });
      if (!response.ok || !data) return false;
      accept(data as TokenBody);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

async function endSession(reason: EndReason): Promise<void> {
  const wasToken = token;
  token = undefined;
  expiresAt = 0;
  if (reason !== 'signedOut' && state.status === 'signedIn') {
    set({ status: 'locked', user: state.user, reason });
  } else {
    set({ status: 'signedOut', reason });
    queryClient.clear();
  }
  const csrf = csrfToken();
  if (!wasToken) return;
  // Ends the session on the server too; the cookie is cleared by its answer.
  await auth
    .POST('/api/auth/logout', {
      headers: { authorization: `Bearer ${wasToken}`, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      credentials: 'same-origin',
    })
    .catch(() => undefined);
}

export const session = {
  accessToken: () => token,
  current: () => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  // On load: the cookie, if there is one, brings the session back.
  async restore(): Promise<void> {
    ensureTicker();
    if (state.status !== 'restoring') return;
    if (await refresh()) {
      try {
        set({ status: 'signedIn', user: await loadMe() });
        return;
      } catch {
        token = undefined;
      }
    }
    set({ status: 'signedOut' });
  },

  async signIn(email: string, password: string): Promise<Me> {
    ensureTicker();
    const body: components['schemas']['LoginDto'] = { email, password, session: 'cookie' };
    const result = await auth.POST('/api/auth/login', { body, credentials: 'same-origin' }).catch(() => {
      throw ApiError.network();
    });
    if (!result.response.ok || !result.data) throw ApiError.from(result.response.status, result.error, result.response);
    accept(result.data as TokenBody);
    lastActivity = Date.now();
    const user = await loadMe();
    set({ status: 'signedIn', user });
    return user;
  },

  signOut: () => endSession('signedOut'),

  // The lock's sign-in: the same person, with their password; the page they left is there again, its data read anew.
  async unlock(password: string): Promise<Me> {
    if (state.status !== 'locked') throw ApiError.from(401, { code: 'UNAUTHENTICATED' });
    const before = state.user;
    const user = await session.signIn(before.email, password);
    if (user.id !== before.id) queryClient.clear();
    else void queryClient.invalidateQueries();
    return user;
  },

  // A call made while the page is locked waits for the unlock; after a sign-out it is not made at all.
  whenUnlocked(): Promise<boolean> {
    if (state.status !== 'locked') return Promise.resolve(state.status === 'signedIn');
    return new Promise((resolve) => {
      const stop = session.subscribe(() => {
        if (state.status === 'locked') return;
        stop();
        resolve(state.status === 'signedIn');
      });
    });
  },
  ended(reason: EndReason): void {
    if (state.status === 'signedIn') void endSession(reason);
  },

  // Pointer and key presses: the person is here.
  activity(): void {
    if (state.status === 'signedIn' && state.warning) return;
    lastActivity = Date.now();
  },

  // "Stay signed in" in the warning dialog.
  async extend(): Promise<boolean> {
    lastActivity = Date.now();
    if (state.status !== 'signedIn') return false;
    const ok = Date.now() < expiresAt - REFRESH_BEFORE_EXPIRY_MS || (await refresh());
    if (!ok) {
      await endSession('expired');
      return false;
    }
    set({ status: 'signedIn', user: state.user });
    return true;
  },

  updateUser(user: Me): void {
    if (state.status === 'signedIn') set({ ...state, user });
  },
};
