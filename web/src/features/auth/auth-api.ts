import { call, api } from '../../api/client';

// The public account calls of the sign-in, password and invitation pages.
export const acceptInvitation = (token: string, password: string) =>
  call(api.POST('/api/auth/invitations/accept', { body: { token, password } }));

export const requestPasswordReset = (email: string) => call(api.POST('/api/auth/password-reset', { body: { email } }));

export const confirmPasswordReset = (token: string, password: string) =>
  call(api.POST('/api/auth/password-reset/confirm', { body: { token, password } }));

// The one-time token of a mailed link travels in the URL's fragment, which the browser never sends to a
// server; it is read once and removed from the address bar and the history.
let taken: { path: string; token: string } | undefined;
export function takeTokenFromFragment(): string | undefined {
  const path = window.location.pathname;
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    taken = { path, token: match[1] };
    window.history.replaceState(window.history.state, '', path + window.location.search);
  }
  return taken?.path === path ? taken.token : undefined;
}
