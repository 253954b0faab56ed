import {
  ZComment,
  ZCommentAddInput,
  ZCommentDeleteInput,
  ZCommentEditInput,
  ZCommentListInput,
} from '@shipshape/domain';
import { z } from 'zod';
import { byComment, byItem } from '../access';
import { member } from '../actor';
import { addComment } from '../comments/add-comment';
import { deleteComment } from '../comments/delete-comment';
import { editComment } from '../comments/edit-comment';
import { listComments } from '../comments/list-comments';
import { router, workspaceProcedure } from '../trpc';

export const commentRouter = router({
  add: workspaceProcedure(ZCommentAddInput, 'MEMBER', byItem)
    .output(ZComment)
    .mutation(({ ctx, input }) => addComment({ ...member(ctx), input })),

  /** Oldest first, as a conversation reads; deleted comments stay as tombstones. */
  list: workspaceProcedure(ZCommentListInput, 'VIEWER', byItem)
    .output(z.object({ items: z.array(ZComment), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listComments({ db: ctx.db, input })),

  edit: workspaceProcedure(ZCommentEditInput, 'MEMBER', byComment)
    .output(ZComment)
    .mutation(({ ctx, input }) => editComment({ ...member(ctx), input })),

  /** Soft delete, by the author or an admin, on the comment's version. */
  delete: workspaceProcedure(ZCommentDeleteInput, 'MEMBER', byComment)
    .output(ZComment)
    .mutation(({ ctx, input }) => deleteComment({ ...member(ctx), input })),
});
