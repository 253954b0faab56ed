import { getTRPCErrorFromUnknown, TRPCError } from '@trpc/server';
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import';
import type { Context } from '../context';
import { retryAfterOf } from '../errors';
import { appRouter, createCaller } from '../router';
import { procedureDef, procedureJsonSchema, typesOf, type JsonSchema } from './procedure-schemas';
import type { RestRoute } from './routes';

export interface RestRequest {
  params: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface RestAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** What a REST error answers: the same code, message and details as tRPC's errorFormatter. */
export interface RestError {
  code: string;
  message: string;
  requestId?: string;
  fieldErrors?: Record<string, string[]>;
  current?: unknown;
  rowErrors?: Array<{ row: number; message: string }>;
}

/**
 * Runs one REST route: its procedure, through a tRPC caller with the request's
 * context, so validation, the role check, the service and the output schema
 * are exactly tRPC's. Errors get tRPC's HTTP status and formatted shape.
 */
export async function callRestRoute(
  route: RestRoute,
  ctx: Context,
  request: RestRequest,
): Promise<RestAnswer> {
  const { type } = procedureDef(route.procedure);
  let input: unknown;
  try {
    const fields = inputFields(route, request);
    const repeated = Object.keys(request.params).filter((name) => Object.hasOwn(fields, name));
    if (repeated.length > 0) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `${repeated.join(', ')} is given in the path; leave it out of the query and body.`,
      });
    }
    input = { ...fields, ...request.params };
    const call = procedureFunction(createCaller(ctx), route.procedure);
    const data = await call(input);
    return { status: route.status ?? 200, body: data, headers: {} };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    const shape = getErrorShape({
      config: appRouter._def._config,
      error,
      type,
      path: route.procedure,
      input,
      ctx,
    });
    const { code, httpStatus, requestId, fieldErrors, current, rowErrors } = shape.data as {
      code: string;
      httpStatus: number;
    } & Omit<RestError, 'code' | 'message'>;
    const retryAfter = retryAfterOf([error]);
    const body: RestError = {
      code,
      message: shape.message,
      ...(requestId ? { requestId } : {}),
      ...(fieldErrors ? { fieldErrors } : {}),
      ...(current !== undefined ? { current } : {}),
      ...(rowErrors ? { rowErrors } : {}),
    };
    return {
      status: httpStatus,
      body,
      headers: retryAfter === null ? {} : { 'retry-after': String(retryAfter) },
    };
  }
}

/** The query (GET, DELETE) or the JSON body (POST, PATCH) as input fields. */
function inputFields(route: RestRoute, request: RestRequest): Record<string, unknown> {
  if (route.method === 'GET' || route.method === 'DELETE') {
    return coerceQuery(request.query, procedureJsonSchema(route.procedure, 'input'));
  }
  const body = request.body ?? {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'The body must be a JSON object.' });
  }
  return body as Record<string, unknown>;
}

/** Query strings to the types the input schema wants: numbers, booleans, arrays. */
function coerceQuery(
  query: RestRequest['query'],
  schema: JsonSchema | null,
): Record<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const [key, raw] of Object.entries(query)) {
    if (raw === undefined) continue;
    const types = typesOf(schema?.properties?.[key]);
    const values = Array.isArray(raw) ? raw : [raw];
    const one = values[values.length - 1] ?? '';
    if (types.includes('array')) fields.set(key, values);
    else if ((types.includes('number') || types.includes('integer')) && /^-?\d+(\.\d+)?$/.test(one))
      fields.set(key, Number(one));
    else if (types.includes('boolean') && (one === 'true' || one === 'false'))
      fields.set(key, one === 'true');
    else fields.set(key, one);
  }
  // Not an object literal: keys come from the caller and may be "__proto__".
  return Object.fromEntries(fields);
}

type CallFn = (input: unknown) => Promise<unknown>;

function procedureFunction(caller: unknown, path: string): CallFn {
  let target = caller as Record<string, unknown>;
  for (const segment of path.split('.')) target = target[segment] as Record<string, unknown>;
  return target as unknown as CallFn;
}
