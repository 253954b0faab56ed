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
