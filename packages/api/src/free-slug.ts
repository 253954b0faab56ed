import { TRPCError } from '@trpc/server';
import { isUniqueViolation } from './errors';

/**
 * Runs `create` with `base` as the slug and, while that slug is taken, with
 * `base-2`, `base-3`, … (20 tries in all, then CONFLICT with `exhausted`).
 * A slug the caller `chose` is tried alone: taken, it is CONFLICT at once.
 */
export async function withFreeSlug<T>(
  base: string,
  options: { chosen: boolean; exhausted: string },
  create: (slug: string) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${attempt + 1}`;
    try {
      return await create(slug);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (options.chosen) {
        throw new TRPCError({ code: 'CONFLICT', message: `The slug "${slug}" is taken.` });
      }
    }
  }
  throw new TRPCError({ code: 'CONFLICT', message: options.exhausted });
}
