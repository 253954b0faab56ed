import { TRPCError } from '@trpc/server';
import type { z } from 'zod';

/**
 * Parses a response with `schema`. A failure is our bug, not the caller's: it
 * becomes a plain INTERNAL_SERVER_ERROR (answered with a generic message and
 * the request id) whose cause carries the issues for the log only, so no field
 * name or zod message reaches the client.
 */
function parseOutput<TSchema extends z.ZodType>(
  schema: TSchema,
  value: unknown,
): z.output<TSchema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new TRPCError({
    code: 'INTERNAL_SERVER_ERROR',
    message: 'Output validation failed',
    cause: new Error(`Output validation failed: ${JSON.stringify(parsed.error.issues)}`),
  });
}

/**
 * An output parser for cached reads: the first time an object is returned it
 * is parsed (allow-listing its fields) and the parsed copy is remembered for
 * that exact object, so serving the same cached object again skips the work.
 * Cached values are never mutated, which is what makes this safe.
 */
export function outputOnce<TSchema extends z.ZodType>(schema: TSchema) {
  const parsedOf = new WeakMap<object, z.output<TSchema>>();
  // `schema` stays readable on the parser, for the OpenAPI document (rest/openapi.ts).
  return Object.assign(
    (value: unknown): z.output<TSchema> => {
      if (typeof value !== 'object' || value === null) return parseOutput(schema, value);
      const known = parsedOf.get(value);
      if (known !== undefined) return known;
      const parsed = parseOutput(schema, value);
      parsedOf.set(value, parsed);
      return parsed;
    },
    { schema },
  );
}
