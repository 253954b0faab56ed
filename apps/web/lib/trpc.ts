'use client';
import type { AppRouter } from '@shipshape/api';
import {
  TRPCClientError,
  createTRPCClient,
  httpBatchLink,
  type TRPCClientErrorLike,
  type TRPCLink,
} from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { observable } from '@trpc/server/observable';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { clearSession, getAccessToken, refreshSession } from './session';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type ApiError = TRPCClientErrorLike<AppRouter>;

/** Procedures whose UNAUTHORIZED means "wrong credentials", not "token expired". */
const NO_RETRY = new Set(['auth.login', 'auth.register', 'auth.refresh', 'auth.logout']);

function isUnauthorized(error: unknown): boolean {
  return error instanceof TRPCClientError && error.data?.code === 'UNAUTHORIZED';
}

/**
 * On UNAUTHORIZED, refreshes the session once (shared by every request that
 * failed at the same moment) and retries the request with the new token. If
 * the refresh fails, the session has ended: the app sends the user to sign in.
 */
function authRetryLink(): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        let retried = false;
        let subscription = attempt();
        function attempt() {
          return next(op).subscribe({
            next: (value) => observer.next(value),
            complete: () => observer.complete(),
            error: (error) => {
              if (retried || NO_RETRY.has(op.path) || !isUnauthorized(error)) {
                observer.error(error);
                return;
              }
              retried = true;
              void refreshSession().then((ok) => {
                if (!ok) {
                  clearSession(true);
                  observer.error(error);
                  return;
                }
                subscription = attempt();
              });
            },
          });
        }
        return () => subscription.unsubscribe();
      });
}

export function createClient() {
  return createTRPCClient<AppRouter>({
    links: [
      authRetryLink(),
      httpBatchLink({
        url: '/trpc',
        maxURLLength: 4000,
        headers() {
          const token = getAccessToken();
          return token ? { authorization: `Bearer ${token}` } : {};
        },
        fetch(url, options) {
          return fetch(url, { ...options, credentials: 'same-origin' });
        },
      }),
    ],
  });
}
