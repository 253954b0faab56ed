import { Prisma } from '@shipshape/db';
import { TRPCError } from '@trpc/server';

/** Carries the row as it is now, so a client can show the other person's change. */
export class VersionConflict extends Error {
  constructor(
    readonly entity: string,
    readonly current: unknown,
  ) {
    super(`This ${entity} was changed by someone else. Reload it and apply your change again.`);
  }
}

export function conflict(entity: string, current: unknown): TRPCError {
  const cause = new VersionConflict(entity, current);
  return new TRPCError({ code: 'CONFLICT', message: cause.message, cause });
}

/** The same answer for "does not exist" and "not yours": no existence leak. */
export function notFound(entity: string): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: `${entity} not found.` });
}

export function forbidden(message: string): TRPCError {
  return new TRPCError({ code: 'FORBIDDEN', message });
}

export function badRequest(message: string): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message });
}

/** Row-numbered problems of a bulk input (CSV), all reported at once. */
export class InputRowsError extends Error {
  constructor(
    message: string,
    readonly rowErrors: Array<{ row: number; message: string }>,
  ) {
    super(message);
  }
}

export function badRows(
  message: string,
  rowErrors: Array<{ row: number; message: string }>,
): TRPCError {
  return new TRPCError({
    code: 'BAD_REQUEST',
    message,
    cause: new InputRowsError(message, rowErrors),
  });
}

/** Too many calls in the current window; `retryAfterSeconds` until it ends. */
export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests; try again in ${retryAfterSeconds} seconds.`);
  }
}

/** Whether a write failed on a unique index (a taken slug, email, …). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** Seconds a client is asked to wait when the database is saturated. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

const BUSY_MESSAGE =
  /Unable to start a transaction in the given time|timeout exceeded when trying to connect|Timed out fetching a new connection/i;

/** What a client is told when the database is saturated: no internal detail. */
export const DATABASE_BUSY = {
  code: 'SERVICE_UNAVAILABLE',
  httpStatus: 503,
  message: 'The service is busy right now; try again in a few seconds.',
} as const;

/**
 * Whether an error (or one of its causes) says the database is saturated: no
 * connection or transaction could be had within the wait limits. Such a
 * request is answered 503 with Retry-After, never a 500.
 */
export function isDatabaseBusy(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { code, message, cause } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    // P2024: timed out fetching a connection from the pool; P2028 carries
    // "Unable to start a transaction in the given time".
    if (code === 'P2024' || (typeof message === 'string' && BUSY_MESSAGE.test(message))) {
      return true;
    }
    current = cause;
  }
  return false;
}

/** tRPC's `responseMeta`: a 503 for a saturated database, or a 429, says when to retry. */
export function busyResponseMeta({ errors }: { errors: ReadonlyArray<{ cause?: unknown }> }): {
  headers?: Record<string, string>;
} {
  const retryAfter = retryAfterOf(errors);
  return retryAfter === null ? {} : { headers: { 'retry-after': String(retryAfter) } };
}

/** Seconds a client should wait before retrying, when an error says so. */
export function retryAfterOf(errors: ReadonlyArray<{ cause?: unknown }>): number | null {
  if (errors.some((error) => isDatabaseBusy(error.cause))) return BUSY_RETRY_AFTER_SECONDS;
  const limited = errors.find((error) => error.cause instanceof RateLimited)?.cause;
  return limited instanceof RateLimited ? limited.retryAfterSeconds : null;
}
