import { UNSUBSCRIBE_PATH } from '@shipshape/api';
import type { FastifyInstance } from 'fastify';

/**
 * tRPC accepts form and octet-stream POSTs, which browsers send cross-site
 * without a CORS preflight; with a cookie that would let another site call
 * `auth.refresh` or `auth.logout` as the user. So every POST to /trpc must be
 * JSON, and a browser's Origin (or, without one, Sec-Fetch-Site) must say the
 * request comes from the web app.
 */
export function guardCrossSite(app: FastifyInstance, allowedOrigins: string[]): void {
  const allowed = new Set(allowedOrigins);
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST' || !request.url.startsWith('/trpc')) return;
    // A mail's one-click unsubscribe (RFC 8058) is a form POST from anywhere;
    // its signed token is the credential, and all it can do is stop email.
    if (request.routeOptions.url === UNSUBSCRIBE_PATH) return;
    const contentType = request.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      return reply
        .code(415)
        .send(
          trpcShapedError(
            request.id,
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            'Requests must be sent as application/json.',
          ),
        );
    }
    const origin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    const crossSite = origin ? !allowed.has(origin) : fetchSite === 'cross-site';
    if (crossSite) {
      request.log.warn(
        { security: 'access.denied', reason: 'cross-site', origin, outcome: 'failure' },
        'security: cross-site request refused',
      );
      return reply
        .code(403)
        .send(
          trpcShapedError(request.id, 403, 'FORBIDDEN', 'Cross-site requests are not allowed.'),
        );
    }
  });
}

export function trpcShapedError(
  requestId: string,
  httpStatus: number,
  code: string,
  message: string,
) {
  return { error: { message, code: -32000 - httpStatus, data: { code, httpStatus, requestId } } };
}
