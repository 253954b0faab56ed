import { TRPCError } from '@trpc/server';
import { ZodRealError } from 'zod';

/**
 * BAD_REQUEST about one input field, answered exactly like a validation error
 * (`fieldErrors: { [field]: [message] }`), so a form shows it by the field.
 * The message reads after the field name: "stageKey must be …".
 */
export function fieldError(field: string, message: string): TRPCError {
  return new TRPCError({
    code: 'BAD_REQUEST',
    message: `${field} ${message}`,
    // ZodRealError, not ZodError: only the former is an Error, which tRPC keeps
    // as the cause (the error formatter turns it into fieldErrors).
    cause: new ZodRealError([{ code: 'custom', path: [field], message, input: undefined }]),
  });
}
