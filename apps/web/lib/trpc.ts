'use client';
import type { AppRouter } from '@shipshape/api';
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClientErrorLike,
  type TRPCLink,
} from '@trpc/client';
import { QueryClient } from '@tanstack/react-query';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { observable } from '@trpc/server/observable';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { apiErrorData, isTimeout } from './errors';
import { clearSession, getAccessToken, refreshSession } from './session';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type ApiError = TRPCClientErrorLike<AppRouter>;

/** Procedures whose UNAUTHORIZED means "wrong credentials", not "token expired". */
const NO_RETRY = new Set(['auth.login', 'auth.register', 'auth.refresh', 'auth.logout']);

function isUnauthorized(error: unknown): boolean {
  return apiErrorData(error)?.code === 'UNAUTHORIZED';
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

/** A read (GET) that has not answered by then is abandoned: the page says so and offers Retry. */
export const QUERY_TIMEOUT_MS = 15_000;

/** The request's own signal (if any) combined with the read timeout. */
function withTimeout(signal: AbortSignal | null | undefined, ms: number): AbortSignal {
  const timeout = AbortSignal.timeout(ms);
  if (!signal) return timeout;
  return typeof AbortSignal.any === 'function' ? AbortSignal.any([signal, timeout]) : signal;
}

/** The app's query defaults: each failure mode settles within seconds, not minutes. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A refusal (4xx) will not change on retry, and a server that timed
        // out is not helped by more load; a blip on the network may pass.
        retry: (failureCount, error) => {
          if (isTimeout(error)) return false;
          const status = apiErrorData(error)?.httpStatus;
          if (status !== undefined && status < 500) return false;
          return failureCount < 2;
        },
        retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 4_000),
      },
      mutations: { retry: false },
    },
  });
}

/** Headers and fetch shared by both links: the access token, timeouts on reads. */
const transport = {
  url: '/trpc',
  headers() {
    const token = getAccessToken();
    return token ? { authorization: `Bearer ${token}` } : {};
  },
  fetch(url: URL | RequestInfo, options?: RequestInit) {
    // Reads time out; writes do not (a write abandoned by the browser may
    // still complete on the server, and an import may rightly take long).
    const read = (options?.method ?? 'GET').toUpperCase() === 'GET';
    return fetch(url, {
      ...options,
      credentials: 'same-origin',
      ...(read ? { signal: withTimeout(options?.signal, QUERY_TIMEOUT_MS) } : {}),
    });
  },
};

export function createClient() {
  return createTRPCClient<AppRouter>({
    links: [
      authRetryLink(),
      // Reads go one request each, so a page's quick reads are not held back by
      // its slowest one; writes are batched (a bulk of saves is one request).
      splitLink({
        condition: (op) => op.type === 'query',
        true: httpLink(transport),
        // Live updates (subscriptions): server-sent events, which carry the
        // session cookie (EventSource cannot send the Authorization header).
        false: splitLink({
          condition: (op) => op.type === 'subscription',
          true: httpSubscriptionLink({ url: '/trpc' }),
          false: httpBatchLink({ ...transport, maxURLLength: 4000 }),
        }),
      }),
    ],
  });
}
