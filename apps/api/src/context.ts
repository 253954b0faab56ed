import {
  streamSessionClaims,
  type AccessClaims,
  type ActivityHub,
  type AuthConfig,
  type Context,
  type RefreshCookie,
} from '@shipshape/api';
import type { Db } from '@shipshape/db';
import { TRPCError } from '@trpc/server';
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

const ZAccessPayload = z.object({
  sub: z.uuid(),
  sv: z.number().int().nonnegative(),
  sid: z.uuid(),
  typ: z.literal('access'),
});

/** Calls that try a credential: one per request, so a batch cannot multiply tries. */
const UNBATCHABLE = new Set(['auth.login', 'auth.register', 'auth.changePassword', 'auth.refresh']);

/** Builds each request's tRPC context: verified claims, cookie access, client info. */
export function createContextFactory(
  app: FastifyInstance,
  options: {
    db: Db;
    secureCookies: boolean;
    auth: AuthConfig;
    countLoginAttempt: (
      request: FastifyRequest,
      email: string,
    ) => ReturnType<Context['countLoginAttempt']>;
    live?: ActivityHub;
    notifications?: Context['notifications'];
  },
) {
  return async ({ req, res, info }: CreateFastifyContextOptions): Promise<Context> => {
    refuseCredentialBatches(req, info.calls);
    const cookie = refreshCookie(req, res, options.secureCookies);
    let claims = verifiedClaims(app, req);
    // EventSource cannot send headers: a live stream runs in the cookie's session
    // (SameSite=Lax keeps other sites' pages from sending it; a browser that
    // says the request is cross-site is not believed either way).
    const sameSite = req.headers['sec-fetch-site'] !== 'cross-site';
    const presented =
      info.type === 'subscription' && !claims && sameSite ? cookie.read() : undefined;
    if (presented)
      claims = await streamSessionClaims({ db: options.db, auth: options.auth }, presented);
    return {
      db: options.db,
      requestId: req.id,
      log: req.log,
      claims,
      signAccessToken: (claims) =>
        app.jwt.sign({ sub: claims.sub, sv: claims.sv, sid: claims.sid, typ: 'access' }),
      refreshCookie: cookie,
      countLoginAttempt: async (email) => {
        const attempt = await options.countLoginAttempt(req, email);
        if (!attempt.allowed) void res.header('retry-after', String(attempt.retryAfterSeconds));
        return attempt;
      },
      client: { ip: req.clientIp, userAgent: req.headers['user-agent'] },
      auth: options.auth,
      ...(options.live ? { live: options.live } : {}),
      ...(options.notifications ? { notifications: options.notifications } : {}),
    };
  };
}

/** tRPC resolved the calls (after its own path decoding), so this sees what it will run. */
function refuseCredentialBatches(req: FastifyRequest, calls: ReadonlyArray<{ path: string }>) {
  if (calls.length < 2) return;
  const credential = calls.find((call) => UNBATCHABLE.has(call.path));
  if (!credential) return;
  req.log.warn(
    {
      security: 'access.denied',
      reason: 'credential-batch',
      path: credential.path,
      calls: calls.length,
      outcome: 'failure',
    },
    'security: batched credential call refused',
  );
  throw new TRPCError({
    code: 'BAD_REQUEST',
    message: `${credential.path} cannot be batched with other calls; send it one at a time.`,
  });
}

function verifiedClaims(app: FastifyInstance, req: FastifyRequest): AccessClaims | null {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  try {
    const parsed = ZAccessPayload.safeParse(app.jwt.verify(header.slice('Bearer '.length).trim()));
    return parsed.success
      ? { sub: parsed.data.sub, sv: parsed.data.sv, sid: parsed.data.sid }
      : null;
  } catch {
    return null;
  }
}

function refreshCookie(req: FastifyRequest, res: FastifyReply, secure: boolean): RefreshCookie {
  // `__Host-` binds the cookie to this exact host over HTTPS; plain-HTTP local
  // runs cannot set it, so they use the bare name.
  const name = secure ? '__Host-shipshape_refresh' : 'shipshape_refresh';
  const attributes = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
  return {
    read: () => req.cookies[name],
    write: (token, expiresAt) =>
      void res.setCookie(name, token, { ...attributes, expires: expiresAt }),
    clear: () => void res.clearCookie(name, attributes),
  };
}
