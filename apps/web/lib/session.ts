'use client';
// The session lives in memory: the access token is never written to storage.
// On load, and whenever the API answers UNAUTHORIZED, the client asks
// `auth.refresh` (the httpOnly cookie) for a new token, once at a time: two
// concurrent refreshes (in this tab or another) present the same cookie twice.
// The API forgives that for a few seconds (a reload racing a refresh), but
// later it looks like token theft and ends the whole session family.
import { useSyncExternalStore } from 'react';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedIn'; user: SessionUser }
  /** `expired`: there was a session and it ended (not a first visit). */
  | { status: 'signedOut'; expired: boolean };

const LOADING: SessionState = { status: 'loading' };

let state: SessionState = LOADING;
let accessToken: string | null = null;
type RefreshOutcome = 'signedIn' | 'ended' | 'none';
let refreshing: Promise<RefreshOutcome> | null = null;
const listeners = new Set<() => void>();
const signOutHandlers = new Set<() => void>();

function emit(next: SessionState): void {
  state = next;
  if (typeof document !== 'undefined') document.documentElement.dataset.session = next.status;
  for (const listener of listeners) listener();
}

export function getAccessToken(): string | null {
  return accessToken;
}

export function getSession(): SessionState {
  return state;
}

export function setSession(session: { accessToken: string; user: SessionUser }): void {
  accessToken = session.accessToken;
  emit({ status: 'signedIn', user: session.user });
}

/** Forgets the session; `expired` tells the sign-in page to explain why. */
export function clearSession(expired: boolean): void {
  const wasSignedIn = state.status === 'signedIn';
  // Several requests can learn of the end at once (reads go one per request):
  // the later ones must not take back the first one's "expired".
  const knownExpired = state.status === 'signedOut' && state.expired;
  accessToken = null;
  emit({ status: 'signedOut', expired: (expired && wasSignedIn) || knownExpired });
  for (const handler of signOutHandlers) handler();
}

/** Called when the session ends, e.g. to drop cached data of the previous user. */
export function onSignOut(handler: () => void): () => void {
  signOutHandlers.add(handler);
  return () => signOutHandlers.delete(handler);
}

/** Trades the refresh cookie for a new access token; true when signed in. */
export async function refreshSession(): Promise<boolean> {
  return (await refreshOnce()) === 'signedIn';
}

/** `ended`: the API says a session existed and has ended (logged out, revoked,
 * expired), so the sign-in page can say why; `none`: never signed in here. */
function refreshOnce(): Promise<RefreshOutcome> {
  refreshing ??= (async (): Promise<RefreshOutcome> => {
    try {
      const call = async () => {
        const response = await fetch('/trpc/auth.refresh', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
          credentials: 'same-origin',
          cache: 'no-store',
        });
        return (await response.json()) as {
          result?: { data?: { accessToken: string; user: SessionUser } };
          error?: { data?: { reason?: string } };
        };
      };
      // Other tabs share the cookie: one refresh at a time across all of them,
      // so each presents the cookie the previous one set.
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      const body = locks ? await locks.request('shipshape-session-refresh', call) : await call();
      const session = body.result?.data;
      if (!session) return body.error?.data?.reason === 'session-ended' ? 'ended' : 'none';
      setSession(session);
      return 'signedIn';
    } catch {
      return 'none';
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

let bootstrapped = false;
/**
 * The first refresh after a page load (started before the app hydrates, from
 * instrumentation-client.ts). Later calls, from the hydrated app, only mark the
 * document again: hydrating <html> drops the attributes set on it before.
 */
export function bootstrapSession(): void {
  if (bootstrapped) {
    if (state.status !== 'loading') document.documentElement.dataset.session = state.status;
    return;
  }
  bootstrapped = true;
  void refreshOnce().then((outcome) => {
    if (outcome !== 'signedIn' && state.status !== 'signedIn') {
      emit({ status: 'signedOut', expired: outcome === 'ended' });
    }
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, getSession, () => LOADING);
}
