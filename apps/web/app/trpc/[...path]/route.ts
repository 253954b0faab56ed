// Forwards /trpc/* to the API, so the browser stays same-origin (the refresh
// cookie is httpOnly and SameSite=Lax) and the API's address is read at
// request time from API_INTERNAL_URL.
import { isIP } from 'node:net';
import { apiInternalUrl, internalProxySecret } from '../../../lib/server-env';

export const dynamic = 'force-dynamic';

/** Hop-by-hop and recomputed headers are not forwarded in either direction. */
const DROPPED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'host',
  'content-length',
  'accept-encoding',
  'content-encoding',
  'expect',
]);

/** Read by the API (apps/api/src/client-address.ts) only with the right secret. */
const CLIENT_IP_HEADER = 'x-shipshape-client-ip';
const PROXY_SECRET_HEADER = 'x-shipshape-proxy-secret';

/**
 * The browser's address, so the API's sign-in limits apply per browser and
 * not to the web server's own address: the nearest (last) X-Forwarded-For
 * entry. Next.js sets that header to the socket's address only when the
 * request arrives without one, so a client that sends its own chooses this
 * value unless whatever runs in front of Next.js overwrites the header.
 */
function clientAddress(request: Request): string | null {
  const forwarded = request.headers.get('x-forwarded-for');
  const nearest = forwarded?.split(',').at(-1)?.trim();
  return nearest && isIP(nearest) ? nearest : null;
}

async function forward(request: Request): Promise<Response> {
  const incoming = new URL(request.url);
  const target = `${apiInternalUrl()}${incoming.pathname}${incoming.search}`;
  const headers = new Headers();
  request.headers.forEach((value, name) => {
    if (!DROPPED.has(name) && name !== CLIENT_IP_HEADER && name !== PROXY_SECRET_HEADER) {
      headers.set(name, value);
    }
  });
  headers.set('x-forwarded-host', incoming.host);
  headers.set('x-forwarded-proto', incoming.protocol.replace(':', ''));
  // Shared with the API (scripts/start.ts makes one per run); without it the
  // API would not believe the address, so none is sent.
  const secret = internalProxySecret();
  const address = clientAddress(request);
  if (secret && address) {
    headers.set(CLIENT_IP_HEADER, address);
    headers.set(PROXY_SECRET_HEADER, secret);
  }

  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const body = hasBody ? await readBody(request) : undefined;
  if (body === null) {
    return Response.json(
      {
        error: {
          message: `The request is too large (at most ${PROXY_BODY_LIMIT / 1024 / 1024} MB).`,
          code: -32600,
          data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 },
        },
      },
      { status: 413 },
    );
  }
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body,
      redirect: 'manual',
      cache: 'no-store',
      // A live stream (server-sent events) ends upstream when the browser goes
      // away; nothing else does, so an abandoned write still completes.
      ...(request.headers.get('accept')?.includes('text/event-stream')
        ? { signal: request.signal }
        : {}),
    });
  } catch {
    return Response.json(
      {
        error: {
          message: 'The Shipshape API cannot be reached. Try again in a moment.',
          code: -32603,
          data: { code: 'BAD_GATEWAY', httpStatus: 502 },
        },
      },
      { status: 502 },
    );
  }

  const responseHeaders = new Headers();
  upstream.headers.forEach((value, name) => {
    if (!DROPPED.has(name) && name !== 'set-cookie') responseHeaders.set(name, value);
  });
  for (const cookie of upstream.headers.getSetCookie())
    responseHeaders.append('set-cookie', cookie);
  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: responseHeaders,
  });
}

export { forward as GET, forward as POST };

/** Above the API's own limit, so the API's answer names it; the proxy never holds more. */
const PROXY_BODY_LIMIT = 8 * 1024 * 1024;

/** The request's body, or null past PROXY_BODY_LIMIT (read no further than that). */
async function readBody(request: Request): Promise<Uint8Array<ArrayBuffer> | undefined | null> {
  if (Number(request.headers.get('content-length') ?? 0) > PROXY_BODY_LIMIT) return null;
  if (!request.body) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > PROXY_BODY_LIMIT) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}
