import type { Context } from '@shipshape/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';

type LoginAttempt = Awaited<ReturnType<Context['countLoginAttempt']>>;

export interface LoginRateLimits {
  /** Attempts per client address, whatever the account. */
  perIp: number;
  /** Attempts per account from one client address. */
  perAccount: number;
  /** Attempts per account from all addresses together; defaults to ten times `perAccount`. */
  perAccountAllClients: number;
  windowMs: number;
}

const defaults = { perIp: 30, perAccount: 10, windowMs: 15 * 60 * 1000 };

const LIMIT_KEY = Symbol('login-limit-key');
type KeyedRequest = FastifyRequest & { [LIMIT_KEY]: string };

/**
 * Limits sign-in attempts (@fastify/rate-limit's store) per client address,
 * per account and address, and per account overall. Keyed on the client
 * address (see client-address.ts), so a spoofed X-Forwarded-For resets
 * nothing, and strangers failing on an account from their addresses do not
 * lock its owner out of theirs until the overall account limit, which takes
 * many addresses to reach. Each call is counted by the login procedure
 * itself, so batching or re-encoding the path cannot multiply attempts.
 */
export function createLoginLimiter(
  app: FastifyInstance,
  overrides: Partial<LoginRateLimits> = {},
): (request: FastifyRequest, email: string) => Promise<LoginAttempt> {
  const limits = { ...defaults, ...overrides };
  const perAccountAllClients = overrides.perAccountAllClients ?? limits.perAccount * 10;
  const limiter = (max: number) =>
    app.createRateLimit({
      max,
      timeWindow: limits.windowMs,
      keyGenerator: (req: FastifyRequest) => (req as KeyedRequest)[LIMIT_KEY],
    });
  const byIp = limiter(limits.perIp);
  const byAccountAndIp = limiter(limits.perAccount);
  const byAccount = limiter(perAccountAllClients);
  // The limiter reads the key from the request; one derived object per check.
  const keyed = (request: FastifyRequest, key: string): FastifyRequest =>
    Object.assign(Object.create(request) as FastifyRequest, { [LIMIT_KEY]: key });

  return async (request, email) => {
    const ip = request.clientIp;
    const checks = [
      await byIp(keyed(request, `login-ip:${ip}`)),
      await byAccountAndIp(keyed(request, `login-account-ip:${ip} ${email}`)),
      await byAccount(keyed(request, `login-account:${email}`)),
    ];
    const exceeded = checks.filter(
      (check): check is Extract<typeof check, { isAllowed: false }> =>
        !check.isAllowed && check.isExceeded,
    );
    if (exceeded.length === 0) return { allowed: true };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(...exceeded.map((check) => check.ttlInSeconds)),
      limitedBy: exceeded.map((check) => check.key.split(':')[0] ?? ''),
    };
  };
}
