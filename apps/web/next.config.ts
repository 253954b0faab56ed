import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './lib/security-headers';

// The browser talks to the API through the web origin (same-origin), so the
// refresh cookie works without CORS. The forwarding is done at request time by
// app/trpc/[...path]/route.ts (not a `rewrites()` entry: Next bakes rewrite
// destinations into the build, so API_INTERNAL_URL would be frozen at build time).
// Security headers: the fixed ones here (every path but the API forwarding,
// which passes on the API's own); the Content-Security-Policy, which needs a
// nonce per response, in proxy.ts.
const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ['@shipshape/domain'],
  async headers() {
    return [{ source: '/((?!trpc/).*)', headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default config;
