// The web server's settings (server side only), the one place the web app reads
// its environment. Read per request, never at build time: one build serves any
// deployment (see next.config.ts).

/** Where the web server reaches the API: API_INTERNAL_URL, else the API's port on loopback. */
export function apiInternalUrl(): string {
  return (
    process.env.API_INTERNAL_URL ?? `http://127.0.0.1:${process.env.API_PORT ?? 4000}`
  ).replace(/\/+$/, '');
}

/**
 * The secret under which the /trpc proxy vouches for each browser's address to the API
 * (INTERNAL_PROXY_SECRET, shared with the API); undefined when unset, and then no address is sent.
 */
export function internalProxySecret(): string | undefined {
  return process.env.INTERNAL_PROXY_SECRET || undefined;
}
