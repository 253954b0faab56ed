import { ZId } from '@shipshape/domain';
import { badRequest } from './errors';

/**
 * Prisma arguments for a keyset page after the row `cursor` (one extra row tells if more
 * follow). The cursor is a row id; anything else is a 400, not a database error.
 */
export function pageArgs(input: { cursor?: string | undefined; limit: number }) {
  if (input.cursor && !ZId.safeParse(input.cursor).success) {
    throw badRequest('The cursor is not valid for this list; start again from the first page.');
  }
  return {
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  };
}

/** The page of rows fetched with `pageArgs`, and the cursor of the next one. */
export function toPage<TRow extends { id: string }, TItem>(
  rows: TRow[],
  limit: number,
  map: (row: TRow) => TItem,
): { items: TItem[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return {
    items: page.map(map),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
