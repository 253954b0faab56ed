import type { TRole } from '@shipshape/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import type { z } from 'zod';
import { ZodError } from 'zod';
import {
  entityLabel,
  findCaller,
  findCallerInWorkspace,
  roleAtLeast,
  type Locator,
} from './access';
import { findTokenCallerInWorkspace } from './api-tokens/token-access';
import { SessionEnded } from './auth/session-ended';
import type { Context } from './context';
import { DATABASE_BUSY, InputRowsError, VersionConflict, isDatabaseBusy } from './errors';
import { securityLog } from './security-log';

const t = initTRPC.context<Context>().create({
  // Live streams (server-sent events) send a ping every 15 s, so proxies and
  // the browser keep an idle stream open and the client notices a dead one.
  sse: {
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 40_000 },
  },
  // Clients get the code, a message a person can read, field errors and the
  // request id; never a stack trace or SQL. Unexpected errors are logged with
  // the request id and answered with a generic message.
  errorFormatter({ shape, error, ctx }) {
    // A saturated database is a 503 with Retry-After (see busyResponseMeta).
    const busy = isDatabaseBusy(error.cause);
    const unexpected = error.code === 'INTERNAL_SERVER_ERROR' && !busy;
    const logged = { err: error.cause ?? error, requestId: ctx?.requestId };
    if (unexpected) ctx?.log.error(logged, 'unexpected error');
    if (busy) ctx?.log.warn(logged, 'database busy: answered 503');
    // Only input errors name fields; an output check's failure stays internal.
    const zodError = !unexpected && error.cause instanceof ZodError ? error.cause : null;
    const fieldErrors = zodError ? fieldErrorsOf(zodError) : undefined;
    const message = busy
      ? DATABASE_BUSY.message
      : unexpected
        ? 'Something went wrong on our side.'
        : zodError
          ? `Invalid input: ${Object.entries(fieldErrors ?? {})
              .map(([field, messages]) => `${field} ${messages[0]}`)
              .join('; ')}`
          : shape.message;
    return {
      message,
      code: shape.code,
      data: {
        code: busy ? DATABASE_BUSY.code : shape.data.code,
        httpStatus: busy ? DATABASE_BUSY.httpStatus : shape.data.httpStatus,
        path: shape.data.path,
        requestId: ctx?.requestId,
        ...(fieldErrors ? { fieldErrors } : {}),
        ...(error.cause instanceof VersionConflict ? { current: error.cause.current } : {}),
        ...(error.cause instanceof InputRowsError ? { rowErrors: error.cause.rowErrors } : {}),
        ...(error.cause instanceof SessionEnded ? { reason: 'session-ended' as const } : {}),
      },
    };
  },
});

function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  // A Map, not an object literal: field names come from the caller and may be
  // "__proto__" or "constructor".
  const fields = new Map<string, string[]>();
  for (const issue of error.issues) {
    const keys =
      issue.code === 'unrecognized_keys'
        ? issue.keys
        : [issue.path.map(String).join('.') || 'input'];
    const message = issue.code === 'unrecognized_keys' ? 'is not an accepted field' : issue.message;
    for (const key of keys) fields.set(key, [...(fields.get(key) ?? []), message]);
  }
  return Object.fromEntries(fields);
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/** Signed in, with a token issued after the user's last password change or
 * logout-everywhere, whose own session was not logged out, and not disabled:
 * checked against the database each time, in one statement. */
export const authedProcedure = t.procedure.use(async ({ ctx, next }) => {
  if (ctx.apiToken) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'API tokens act only inside their workspace.',
    });
  }
  if (!ctx.claims) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  }
  const caller = await findCaller(ctx.db, ctx.claims);
  if (!caller || !caller.sessionValid) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'Your session has ended. Sign in again.',
    });
  }
  return next({ ctx: { user: caller.user } });
});

/**
 * A procedure acting inside one workspace: the input (a strict zod object)
 * names an entity, `locate` says which, and the caller must be a member of its
 * workspace with at least `minimumRole`. Non-members get NOT_FOUND, exactly as
 * for an id that does not exist; members without the role get FORBIDDEN.
 * Session, account and membership are checked in one query.
 */
export function workspaceProcedure<TSchema extends z.ZodType>(
  schema: TSchema,
  minimumRole: TRole,
  locate: (input: z.output<TSchema>) => Locator,
) {
  return t.procedure.input(schema).use(async ({ ctx, input, next, type, path }) => {
    if (!ctx.claims && !ctx.apiToken) {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
    }
    const locator = locate(input as z.output<TSchema>);
    // An API token (same single statement, plus its scope and rate limit) or a session.
    const caller = ctx.apiToken
      ? await findTokenCallerInWorkspace(ctx, ctx.apiToken, locator, { type, path })
      : ctx.claims && (await findCallerInWorkspace(ctx.db, ctx.claims, locator));
    if (!caller || !caller.sessionValid) {
      throw new TRPCError({
        code: 'UNAUTHORIZED',
        message: 'Your session has ended. Sign in again.',
      });
    }
    const { membership, user } = caller;
    if (!membership) {
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `${entityLabel[locator.kind]} not found.`,
      });
    }
    if (!roleAtLeast(membership.role, minimumRole)) {
      securityLog(ctx, 'access.denied', {
        outcome: 'failure',
        userId: user.id,
        workspaceId: membership.workspaceId,
        role: membership.role,
        needed: minimumRole,
      });
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `Your role (${membership.role}) cannot do this; it needs ${minimumRole} or above.`,
      });
    }
    return next({
      ctx: {
        user,
        workspaceId: membership.workspaceId,
        role: membership.role,
        /** Changes with every committed write to the workspace: a cache key. */
        dataVersion: membership.dataVersion,
        /** Changes with every committed write a read inside this project depends on. */
        projectVersion: membership.projectVersion,
      },
    });
  });
}
