// Calls tRPC procedures over real HTTP, as a browser or API client would:
// bearer token, refresh cookie jar, JSON bodies.
//
// `call` and `ok` take a procedure path ('item.update') and are typed from the
// router: the input it accepts and the output it answers. `callRaw` is the
// deliberately untyped door for tests that send malformed or hostile input.
import { appRouter } from '@shipshape/api';
import type { ApiError, ProcedureInput, ProcedureOutput, ProcedurePath } from './api-types';
import { openLiveStream } from './live-stream';

export interface CallResult<T = unknown> {
  status: number;
  ok: boolean;
  data: T;
  error?: ApiError;
  headers: Headers;
}

type ProcedureType = 'query' | 'mutation' | 'subscription';

export interface CallOptions {
  headers?: Record<string, string>;
  type?: ProcedureType;
}

/** The input may be left out where the procedure takes none or an optional one. */
type InputArgs<P extends ProcedurePath> =
  undefined extends ProcedureInput<P> ? [input?: ProcedureInput<P>] : [input: ProcedureInput<P>];

type CallArgs<P extends ProcedurePath> =
  undefined extends ProcedureInput<P>
    ? [input?: ProcedureInput<P>, options?: CallOptions]
    : [input: ProcedureInput<P>, options?: CallOptions];

export function procedureType(path: string): ProcedureType {
  const procedure = (
    appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureType } }>
  )[path];
  if (!procedure) throw new Error(`No procedure ${path}`);
  return procedure._def.type;
}

export function allProcedurePaths(): ProcedurePath[] {
  return (Object.keys(appRouter._def.procedures) as ProcedurePath[]).sort();
}

export class ApiClient {
  accessToken: string | undefined;
  /** name=value of cookies the server set, as a browser would keep them. */
  readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    readonly defaultHeaders: Record<string, string> = {},
  ) {}

  /** Calls a procedure with an input its schema accepts; never throws on an error answer. */
  async call<P extends ProcedurePath>(
    path: P,
    ...[input, options]: CallArgs<P>
  ): Promise<CallResult<ProcedureOutput<P>>> {
    return (await this.callRaw(path, input, options)) as CallResult<ProcedureOutput<P>>;
  }

  /** Like `call`, but throws unless the call succeeded. */
  async ok<P extends ProcedurePath>(
    path: P,
    ...[input]: InputArgs<P>
  ): Promise<ProcedureOutput<P>> {
    const result = await this.callRaw(path, input);
    if (!result.ok) {
      throw new Error(`${path} failed: ${result.status} ${JSON.stringify(result.error)}`);
    }
    return result.data as ProcedureOutput<P>;
  }

  /**
   * Untyped on purpose: any path, any input, no claim about the answer. For
   * tests that send what a hostile or broken client would (malformed input,
   * unknown procedures, every procedure with every role's input).
   */
  async callRaw(path: string, input?: unknown, options: CallOptions = {}): Promise<CallResult> {
    const type = options.type ?? procedureType(path);
    if (type === 'subscription') return this.subscribeRaw(path, input);
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
    const body = (await response.json()) as { result?: { data: unknown }; error?: ApiError };
    return {
      status: response.status,
      ok: response.ok,
      data: body.result?.data,
      error: body.error,
      headers: response.headers,
    };
  }

  /**
   * Opens a subscription (server-sent events) and closes it again. tRPC
   * refuses one with 200 and an error event carrying the HTTP status it stands
   * for; that status is the result's. Let in: 200, no data.
   */
  private async subscribeRaw(path: string, input: unknown): Promise<CallResult> {
    if (path !== 'live.workspace') throw new Error(`No subscription reader for ${path}`);
    const auth = this.accessToken ? { accessToken: this.accessToken } : {};
    const stream = await openLiveStream(this.baseUrl, input as { workspaceId: string }, auth);
    const refusal = stream.status === 200 ? await stream.refusal() : null;
    stream.close();
    const status = refusal?.httpStatus ?? stream.status;
    return {
      status,
      ok: status === 200,
      data: undefined,
      error: refusal
        ? ({
            message: refusal.message,
            data: { code: refusal.code, httpStatus: status },
          } as ApiError)
        : undefined,
      headers: stream.headers,
    };
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

/** A raw POST to /trpc, as an attacker would send it (no client library): any target, any body. */
export async function postRaw(
  baseUrl: string,
  target: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/trpc/${target}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

let counter = 0;

/** A unique email per call, so test files never collide. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${process.pid}.${Date.now()}.${counter}@example.test`;
}

export const STRONG_PASSWORD = 'correct horse battery staple';

/** A person with an account, signed in on their own client. */
export interface SignedUp {
  client: ApiClient;
  user: ProcedureOutput<'auth.register'>['user'];
  password: string;
}

export async function signUp(
  baseUrl: string,
  overrides: { email?: string; name?: string; password?: string } = {},
): Promise<SignedUp> {
  const client = new ApiClient(baseUrl);
  const password = overrides.password ?? STRONG_PASSWORD;
  const session = await client.ok('auth.register', {
    email: overrides.email ?? uniqueEmail(),
    name: overrides.name ?? 'Test Person',
    password,
  });
  client.accessToken = session.accessToken;
  return { client, user: session.user, password };
}
