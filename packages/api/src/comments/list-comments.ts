import type { Db } from '@shipshape/db';
import type { ZCommentListInput } from '@shipshape/domain';
import type { z } from 'zod';
import { pageArgs, toPage } from '../pagination';
import { commentSelect, toComment } from './comment-view';

/** Oldest first, as a conversation reads; deleted comments stay as tombstones. */
export async function listComments({
  db,
  input,
}: {
  db: Db;
  input: z.infer<typeof ZCommentListInput>;
}) {
  const rows = await db.comment.findMany({
    where: { itemId: input.itemId },
    select: commentSelect,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    ...pageArgs(input),
  });
  return toPage(rows, input.limit, toComment);
}
