// Runs before every page is rendered: gives the response a Content-Security-Policy
// with a fresh nonce. Next reads the nonce from the request's copy of the header
// and puts it on the scripts it renders (pages are rendered per request for it:
// see app/layout.tsx).
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce } from './lib/security-headers';

export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(newNonce(), process.env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the API forwarding (/trpc, /api, which have the API's own
      // headers) nor static files; prefetches are data for the router, not documents.
      source: '/((?!trpc/|api/|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
