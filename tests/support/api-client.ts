// Calls tRPC procedures over real HTTP, as a browser or API client would:
// bearer token, refresh cookie jar, JSON bodies.
import { appRouter } from '@shipshape/api';

export interface CallResult<T = unknown> {
  status: number;
  ok: boolean;
  data: T;
  error?: {
    message: string;
    data: {
      code: string;
      httpStatus: number;
      requestId?: string;
      fieldErrors?: Record<string, string[]>;
      current?: unknown;
    };
  };
  headers: Headers;
}

type ProcedureType = 'query' | 'mutation';

export function procedureType(path: string): ProcedureType {
  const procedure = (
    appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureType } }>
  )[path];
  if (!procedure) throw new Error(`No procedure ${path}`);
  return procedure._def.type;
}

export function allProcedurePaths(): string[] {
  return Object.keys(appRouter._def.procedures).sort();
}

export class ApiClient {
  accessToken: string | undefined;
  /** name=value of cookies the server set, as a browser would keep them. */
  readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    readonly defaultHeaders: Record<string, string> = {},
  ) {}

  async call<T = unknown>(
    path: string,
    input?: unknown,
    options: { headers?: Record<string, string>; type?: ProcedureType } = {},
  ): Promise<CallResult<T>> {
    const type = options.type ?? procedureType(path);
    const headers: Record<string, string> = { ...this.defaultHeaders, ...options.headers };
    if (this.accessToken) headers.authorization = `Bearer ${this.accessToken}`;
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    let response: Response;
    if (type === 'query') {
      const query =
        input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      response = await fetch(`${this.baseUrl}/trpc/${path}${query}`, { headers });
    } else {
      response = await fetch(`${this.baseUrl}/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: input === undefined ? undefined : JSON.stringify(input),
      });
    }
    this.keepCookies(response.headers);
    const body = (await response.json()) as { result?: { data: T }; error?: CallResult['error'] };
    return {
      status: response.status,
      ok: response.ok,
      data: body.result?.data as T,
      error: body.error,
      headers: response.headers,
    };
  }

  /** Like `call`, but throws unless the call succeeded. */
  async ok<T = unknown>(path: string, input?: unknown): Promise<T> {
    const result = await this.call<T>(path, input);
    if (!result.ok) {
      throw new Error(`${path} failed: ${result.status} ${JSON.stringify(result.error)}`);
    }
    return result.data;
  }

  private keepCookies(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      const value = rest.join('=');
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (!name) continue;
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }
}

let counter = 0;

/** A unique email per call, so test files never collide. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${process.pid}.${Date.now()}.${counter}@example.test`;
}

export const STRONG_PASSWORD = 'correct horse battery staple';

export async function signUp(
  baseUrl: string,
  overrides: { email?: string; name?: string; password?: string } = {},
): Promise<{
  client: ApiClient;
  user: { id: string; email: string; name: string };
  password: string;
}> {
  const client = new ApiClient(baseUrl);
  const password = overrides.password ?? STRONG_PASSWORD;
  const session = await client.ok<{
    accessToken: string;
    user: { id: string; email: string; name: string };
  }>('auth.register', {
    email: overrides.email ?? uniqueEmail(),
    name: overrides.name ?? 'Test Person',
    password,
  });
  client.accessToken = session.accessToken;
  return { client, user: session.user, password };
}
