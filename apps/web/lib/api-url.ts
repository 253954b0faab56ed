/** Where the web server reaches the API (server side only), read at request time. */
export function apiInternalUrl(): string {
  return (
    process.env.API_INTERNAL_URL ?? `http://127.0.0.1:${process.env.API_PORT ?? 4000}`
  ).replace(/\/+$/, '');
}
