import type { z } from 'zod';

/**
 * An output parser for cached reads: the first time an object is returned it
 * is parsed (allow-listing its fields) and the parsed copy is remembered for
 * that exact object, so serving the same cached object again skips the work.
 * Cached values are never mutated, which is what makes this safe.
 */
export function outputOnce<TSchema extends z.ZodType>(schema: TSchema) {
  const parsedOf = new WeakMap<object, z.output<TSchema>>();
  return (value: unknown): z.output<TSchema> => {
    if (typeof value !== 'object' || value === null) return schema.parse(value);
    const known = parsedOf.get(value);
    if (known !== undefined) return known;
    const parsed = schema.parse(value);
    parsedOf.set(value, parsed);
    return parsed;
  };
}
