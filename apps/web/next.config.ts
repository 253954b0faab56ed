import type { NextConfig } from 'next';

// The browser talks to the API through the web origin (same-origin), so the
// refresh cookie works without CORS. The forwarding is done at request time by
// app/trpc/[...path]/route.ts (not a `rewrites()` entry: Next bakes rewrite
// destinations into the build, so API_INTERNAL_URL would be frozen at build time).
const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ['@shipshape/domain'],
};

export default config;
