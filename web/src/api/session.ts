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
//
// The tabs of one browser share one session (its cookie) and tell each other of it: activity in one keeps the others
// open, a sign-out in one locks the others, and signing in again in one opens the others locked for the same person.

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

const SHARE_ACTIVITY_EVERY_MS = 10_000;
type TabMessage = { type: 'activity'; at: number } | { type: 'signedOut' } | { type: 'signedIn'; userId: string };
// Opened when the session starts (restore or sign-in), with the ticker: a module merely imported opens nothing.
let tabs: BroadcastChannel | undefined;
let activityShared = 0;
const tell = (message: TabMessage) => tabs?.postMessage(message);
function listenToTabs(): void {
  if (tabs || typeof BroadcastChannel === 'undefined') return;
  tabs = new BroadcastChannel('kokemus-session');
  tabs.addEventListener('message', (event: MessageEvent<TabMessage>) => {
    const message = event.data;
    if (message.type === 'activity') seen(message.at);
    else if (message.type === 'signedOut' && state.status === 'signedIn') void endSession('expired');
    else if (message.type === 'signedIn' && state.status === 'locked' && state.user.id === message.userId) {
      void reopen(state.user.id);
    }
  });
}

// The person was here (this tab or another) at `at`: the idle time counts from then, and a warning it makes
// needless closes.
function seen(at: number): void {
  lastActivity = Math.max(lastActivity, at);
  if (state.status === 'signedIn' && state.warning && Date.now() - lastActivity < IDLE_LIMIT_MS - WARNING_BEFORE_MS) {
    set({ status: 'signedIn', user: state.user });
  }
}

function share(): void {
  if (lastActivity - activityShared < SHARE_ACTIVITY_EVERY_MS) return;
  activityShared = lastActivity;
  tell({ type: 'activity', at: lastActivity });
}

// Another tab signed the same person in again: this locked tab takes the session from the cookie, as a reload would.
async function reopen(userId: string): Promise<void> {
  if (!(await refresh())) return;
  try {
    const user = await loadMe();
    if (user.id !== userId || state.status !== 'locked') throw new Error('another person');
    lastActivity = Date.now();
    set({ status: 'signedIn', user });
    void queryClient.invalidateQueries();
  } catch {
    token = undefined;
  }
}

function set(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

function ensureTicker(): void {
  listenToTabs();
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

// The refresh token rotates at each use, and the server ends the whole session when a used one comes back. Tabs that
// refresh at the same moment (a computer woken from sleep) would send the same cookie: they take turns instead, each
// with the cookie the last one left.
function oneTabAtATime<T>(work: () => Promise<T>): Promise<T> {
  return typeof navigator !== 'undefined' && navigator.locks
    ? navigator.locks.request('kokemus-session-refresh', work).then((result) => result)
    : work();
}

async function refresh(): Promise<boolean> {
  if (!csrfToken()) return false;
  refreshing ??= oneTabAtATime(async () => {
    try {
      // Read in turn: the tab before may have changed it with the session's cookie.
      const csrf = csrfToken();
      if (!csrf) return false;
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
  });
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
    tell({ type: 'signedIn', userId: user.id });
    return user;
  },

  async signOut(): Promise<void> {
    if (state.status !== 'signedOut') tell({ type: 'signedOut' });
    await endSession('signedOut');
  },

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
    if (state.status !== 'signedIn' || state.warning) return;
    lastActivity = Date.now();
    share();
  },

  // "Stay signed in" in the warning dialog.
  async extend(): Promise<boolean> {
    lastActivity = Date.now();
    if (state.status !== 'signedIn') return false;
    share();
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
