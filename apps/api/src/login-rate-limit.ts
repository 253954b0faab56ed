import type { FastifyInstance, FastifyRequest } from 'fastify';
import { trpcShapedError } from './cross-site';

export interface LoginRateLimits {
  perIp: number;
  perAccount: number;
  windowMs: number;
}

const defaults: LoginRateLimits = { perIp: 30, perAccount: 10, windowMs: 15 * 60 * 1000 };

/**
 * Limits `auth.login` per client IP and per account (@fastify/rate-limit's
 * store). The IP is the socket's: X-Forwarded-For is not trusted unless a
 * proxy is configured, so spoofing it does not reset the counter.
 */
export function limitLogins(app: FastifyInstance, overrides: Partial<LoginRateLimits> = {}): void {
  const limits = { ...defaults, ...overrides };
  const byIp = app.createRateLimit({
    max: limits.perIp,
    timeWindow: limits.windowMs,
    keyGenerator: (req: FastifyRequest) => `login-ip:${req.ip}`,
  });
  const byAccount = app.createRateLimit({
    max: limits.perAccount,
    timeWindow: limits.windowMs,
    keyGenerator: (req: FastifyRequest) => `login-account:${loginEmail(req) ?? ''}`,
  });

  app.addHook('preHandler', async (request, reply) => {
    if (!isLoginCall(request)) return;
    const checks = [await byIp(request)];
    if (loginEmail(request)) checks.push(await byAccount(request));
    const exceeded = checks.find(
      (check): check is Extract<typeof check, { isAllowed: false }> =>
        !check.isAllowed && check.isExceeded,
    );
    if (exceeded) {
      request.log.warn(
        {
          security: 'login.failure',
          reason: 'rate-limited',
          key: exceeded.key.split(':')[0],
          outcome: 'failure',
        },
        'security: login rate limit',
      );
      return reply
        .code(429)
        .header('retry-after', String(exceeded.ttlInSeconds))
        .send(
          trpcShapedError(
            request.id,
            429,
            'TOO_MANY_REQUESTS',
            `Too many sign-in attempts. Try again in ${exceeded.ttlInSeconds} s.`,
          ),
        );
    }
  });
}

function procedurePaths(request: FastifyRequest): string[] {
  const path = request.url.split('?')[0] ?? '';
  return path.startsWith('/trpc/')
    ? decodeURIComponent(path.slice('/trpc/'.length)).split(',')
    : [];
}

function isLoginCall(request: FastifyRequest): boolean {
  return request.method === 'POST' && procedurePaths(request).includes('auth.login');
}

/** The email of a login call, single or batched, normalised as accounts are.
 * tRPC's content-type parser leaves the JSON body as a string. */
function loginEmail(request: FastifyRequest): string | null {
  let body: unknown = request.body;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return null;
    }
  }
  if (!body || typeof body !== 'object') return null;
  const batched = (request.query as Record<string, unknown> | undefined)?.batch === '1';
  const index = procedurePaths(request).indexOf('auth.login');
  const input = batched ? (body as Record<string, unknown>)[String(index)] : body;
  const email = (input as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : null;
}
