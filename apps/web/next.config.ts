import type { NextConfig } from 'next';

// The browser talks to the API through the web origin (same-origin), so the
// refresh cookie works without CORS; the server forwards to the API.
const apiUrl = process.env.API_INTERNAL_URL ?? `http://127.0.0.1:${process.env.API_PORT ?? 4000}`;

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ['@shipshape/domain'],
  async rewrites() {
    return [{ source: '/trpc/:path*', destination: `${apiUrl}/trpc/:path*` }];
  },
};

export default config;
