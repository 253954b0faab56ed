import type { Prisma } from '@shipshape/db';
import type { ZComment } from '@shipshape/domain';
import type { z } from 'zod';
import type { RecordedRows } from '../recorded-change';

export const commentSelect = {
  id: true,
  itemId: true,
  body: true,
  deletedAt: true,
  editedAt: true,
  createdAt: true,
  version: true,
  authorId: true,
  author: { select: { id: true, name: true } },
  item: { select: { projectId: true } },
} satisfies Prisma.CommentSelect;

export type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;
export type Comment = z.infer<typeof ZComment>;

/** A deleted comment stays as a tombstone: no body. */
export function toComment(row: CommentRow): Comment {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    itemId: row.itemId,
    author: row.author,
    body: deleted ? null : row.body,
    deleted,
    editedAt: row.editedAt,
    createdAt: row.createdAt,
    version: row.version,
  };
}

export async function readCommentRow(
  tx: Prisma.TransactionClient,
  commentId: string,
): Promise<CommentRow> {
  return tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: commentSelect });
}

/** Comments as their authors (and admins) change them: on the version they read, never once deleted. */
export const commentRows: RecordedRows<CommentRow, Prisma.CommentUncheckedUpdateManyInput> = {
  entity: 'comment',
  entityType: 'comment',
  table: (tx) => tx.comment,
  where: { deletedAt: null },
  read: readCommentRow,
  projectOf: (comment) => comment.item.projectId,
};
