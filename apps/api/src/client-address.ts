import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Set by the web app's /trpc proxy (apps/web/app/trpc/[...path]/route.ts). */
export const CLIENT_IP_HEADER = 'x-shipshape-client-ip';
export const PROXY_SECRET_HEADER = 'x-shipshape-proxy-secret';

declare module 'fastify' {
  interface FastifyRequest {
    /** The client's address: the socket's, or the browser's that the web proxy vouches for. */
    clientIp: string;
  }
}

/**
 * Behind the web app's proxy every browser reaches the API from the web
 * server's address, so limits keyed on the socket would lock everyone out
 * together. The proxy sends the browser's address with a shared secret; the
 * API believes it only when the secret matches (compared in constant time),
 * and otherwise uses the socket's address. X-Forwarded-For is never trusted:
 * anyone can send it.
 */
export function resolveClientAddress(app: FastifyInstance, proxySecret: string | undefined): void {
  const expected = proxySecret ? digest(proxySecret) : null;
  app.decorateRequest('clientIp', '');
  app.addHook('onRequest', async (request) => {
    request.clientIp = (expected && vouchedAddress(request, expected)) || request.ip;
  });
}

function vouchedAddress(request: FastifyRequest, expected: Buffer): string | null {
  const secret = request.headers[PROXY_SECRET_HEADER];
  const address = request.headers[CLIENT_IP_HEADER];
  if (typeof secret !== 'string' || typeof address !== 'string') return null;
  if (!timingSafeEqual(digest(secret), expected)) return null;
  const trimmed = address.trim();
  return isIP(trimmed) ? trimmed : null;
}

/** Equal-length digests, so the comparison takes the same time whatever was sent. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
