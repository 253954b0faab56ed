// Forwards /trpc/* to the API, so the browser stays same-origin (the refresh
// cookie is httpOnly and SameSite=Lax) and the API's address is read at
// request time from API_INTERNAL_URL.
import { apiInternalUrl } from '../../../lib/api-url';

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

async function forward(request: Request): Promise<Response> {
  const incoming = new URL(request.url);
  const target = `${apiInternalUrl()}${incoming.pathname}${incoming.search}`;
  const headers = new Headers();
  request.headers.forEach((value, name) => {
    if (!DROPPED.has(name)) headers.set(name, value);
  });
  headers.set('x-forwarded-host', incoming.host);
  headers.set('x-forwarded-proto', incoming.protocol.replace(':', ''));

  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      redirect: 'manual',
      cache: 'no-store',
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
