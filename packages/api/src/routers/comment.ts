import {
  ZComment,
  ZCommentAddInput,
  ZCommentEditInput,
  ZCommentListInput,
  ZCommentRef,
} from '@shipshape/domain';
import type { Prisma } from '@shipshape/db';
import { z } from 'zod';
import { byComment, byItem, roleAtLeast } from '../access';
import { recordActivity } from '../activity';
import { conflict, forbidden } from '../errors';
import { pageArgs, toPage } from '../pagination';
import { router, workspaceProcedure } from '../trpc';

const commentSelect = {
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

type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;

function toComment(row: CommentRow): z.infer<typeof ZComment> {
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

export const commentRouter = router({
  add: workspaceProcedure(ZCommentAddInput, 'MEMBER', byItem)
    .output(ZComment)
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(async (tx) => {
        const comment = await tx.comment.create({
          data: {
            workspaceId: ctx.workspaceId,
            itemId: input.itemId,
            authorId: ctx.user.id,
            body: input.body,
          },
          select: commentSelect,
        });
        await recordActivity(tx, {
          workspaceId: ctx.workspaceId,
          projectId: comment.item.projectId,
          actorId: ctx.user.id,
          action: 'comment.added',
          entityType: 'comment',
          entityId: comment.id,
          after: { itemId: input.itemId, body: input.body },
        });
        return toComment(comment);
      }),
    ),

  /** Oldest first, as a conversation reads; deleted comments stay as tombstones. */
  list: workspaceProcedure(ZCommentListInput, 'VIEWER', byItem)
    .output(z.object({ items: z.array(ZComment), nextCursor: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.comment.findMany({
        where: { itemId: input.itemId },
        select: commentSelect,
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        ...pageArgs(input),
      });
      return toPage(rows, input.limit, toComment);
    }),

  edit: workspaceProcedure(ZCommentEditInput, 'MEMBER', byComment)
    .output(ZComment)
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(async (tx) => {
        const before = await tx.comment.findUniqueOrThrow({
          where: { id: input.commentId },
          select: commentSelect,
        });
        if (before.authorId !== ctx.user.id) throw forbidden('Only the author can edit a comment.');
        const written = await tx.comment.updateMany({
          where: { id: input.commentId, version: input.expectedVersion, deletedAt: null },
          data: { body: input.body, editedAt: new Date(), version: { increment: 1 } },
        });
        if (written.count === 0) throw conflict('comment', toComment(before));
        const after = await tx.comment.findUniqueOrThrow({
          where: { id: input.commentId },
          select: commentSelect,
        });
        await recordActivity(tx, {
          workspaceId: ctx.workspaceId,
          projectId: after.item.projectId,
          actorId: ctx.user.id,
          action: 'comment.edited',
          entityType: 'comment',
          entityId: after.id,
          before: { body: before.body },
          after: { body: after.body },
        });
        return toComment(after);
      }),
    ),

  /** Soft delete, by the author or an admin. */
  delete: workspaceProcedure(ZCommentRef, 'MEMBER', byComment)
    .output(ZComment)
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(async (tx) => {
        const before = await tx.comment.findUniqueOrThrow({
          where: { id: input.commentId },
          select: commentSelect,
        });
        if (before.authorId !== ctx.user.id && !roleAtLeast(ctx.role, 'ADMIN')) {
          throw forbidden('Only the author or an admin can delete a comment.');
        }
        const after = await tx.comment.update({
          where: { id: input.commentId },
          data: { deletedAt: new Date(), version: { increment: 1 } },
          select: commentSelect,
        });
        await recordActivity(tx, {
          workspaceId: ctx.workspaceId,
          projectId: after.item.projectId,
          actorId: ctx.user.id,
          action: 'comment.deleted',
          entityType: 'comment',
          entityId: after.id,
          before: { body: before.body, authorId: before.authorId },
        });
        return toComment(after);
      }),
    ),
});
