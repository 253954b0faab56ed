// Calls the REST API (/api/v1) over real HTTP, as curl or a CI script would.
import { REST_PREFIX, restRoutes, type RestRoute } from '@shipshape/api';

export interface RestResult {
  status: number;
  // The body as JSON: a resource, a list, or `{ code, message, requestId, … }`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

export interface RestOptions {
  /** An API token (`shp_…`) or a session's access token. */
  token?: string | undefined;
  query?: Record<string, string | string[]>;
  body?: unknown;
  /** A raw body sent as is (malformed JSON). */
  rawBody?: string;
}

/** `GET /projects/{id}/items`: `path` is under /api/v1, ids already filled in. */
export async function rest(
  baseUrl: string,
  method: string,
  path: string,
  options: RestOptions = {},
): Promise<RestResult> {
  const url = new URL(`${baseUrl}${REST_PREFIX}${path}`);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) url.searchParams.append(key, one);
  }
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body =
    options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    method,
    headers,
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** A procedure input as a REST request of `route`: path parameters filled in,
 * the rest as the query (GET, DELETE) or the JSON body. */
export function restRequestOf(
  route: RestRoute,
  input: Record<string, unknown>,
): { path: string; query?: Record<string, string | string[]>; body?: unknown } {
  const rest = { ...input };
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = String(rest[name]);
    delete rest[name];
    return encodeURIComponent(value);
  });
  if (route.method === 'GET' || route.method === 'DELETE') {
    const query: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(rest)) {
      if (value === undefined) continue;
      query[key] = Array.isArray(value) ? value.map(String) : String(value);
    }
    return { path, query };
  }
  return { path, body: rest };
}

/** Calls `route` with a procedure input (see `restRequestOf`). */
export function callRoute(
  baseUrl: string,
  route: RestRoute,
  input: Record<string, unknown>,
  token: string | undefined,
): Promise<RestResult> {
  const request = restRequestOf(route, input);
  return rest(baseUrl, route.method, request.path, {
    token,
    ...(request.query ? { query: request.query } : {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
}

export function routeOf(procedure: string): RestRoute {
  const route = restRoutes.find((candidate) => candidate.procedure === procedure);
  if (!route) throw new Error(`No REST route runs ${procedure}`);
  return route;
}
