import type { AccessClaims, AuthConfig, Context, RefreshCookie } from '@shipshape/api';
import type { Db } from '@shipshape/db';
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

const ZAccessPayload = z.object({
  sub: z.uuid(),
  sv: z.number().int().nonnegative(),
  typ: z.literal('access'),
});

/** Builds each request's tRPC context: verified claims, cookie access, client info. */
export function createContextFactory(
  app: FastifyInstance,
  options: { db: Db; secureCookies: boolean; auth: AuthConfig },
) {
  return ({ req, res }: CreateFastifyContextOptions): Context => ({
    db: options.db,
    requestId: req.id,
    log: req.log,
    claims: verifiedClaims(app, req),
    signAccessToken: (claims) => app.jwt.sign({ sub: claims.sub, sv: claims.sv, typ: 'access' }),
    refreshCookie: refreshCookie(req, res, options.secureCookies),
    client: { ip: req.ip, userAgent: req.headers['user-agent'] },
    auth: options.auth,
  });
}

function verifiedClaims(app: FastifyInstance, req: FastifyRequest): AccessClaims | null {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  try {
    const parsed = ZAccessPayload.safeParse(app.jwt.verify(header.slice('Bearer '.length).trim()));
    return parsed.success ? { sub: parsed.data.sub, sv: parsed.data.sv } : null;
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
