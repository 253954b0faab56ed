import { z } from 'zod';
import { badRequest } from '../errors';

// lesson.list's opaque cursor: a keyset position, base64url-encoded JSON.
// Without a search it is the last row's (createdAt, id); with one, its
// (rank, id). Clients treat it as an opaque string.

const ZPosition = z.discriminatedUnion('k', [
  z.strictObject({
    k: z.literal('t'),
    // Re-serialised, so only a real instant reaches the database.
    t: z.iso
      .datetime()
      .refine((t) => !Number.isNaN(Date.parse(t)))
      .transform((t) => new Date(t).toISOString()),
    id: z.uuid(),
  }),
  z.strictObject({ k: z.literal('r'), r: z.number(), id: z.uuid() }),
]);

export type LessonCursor = z.infer<typeof ZPosition>;

export function encodeLessonCursor(position: LessonCursor): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeLessonCursor(
  cursor: string | undefined,
  kind: LessonCursor['k'],
): LessonCursor | null {
  if (cursor === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const position = ZPosition.safeParse(parsed);
  if (!position.success || position.data.k !== kind) {
    throw badRequest('The cursor is not valid for this list; start again from the first page.');
  }
  return position.data;
}
