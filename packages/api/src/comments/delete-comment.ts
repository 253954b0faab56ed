import type { ZCommentDeleteInput } from '@shipshape/domain';
import { canDeleteAuthored } from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { forbidden } from '../errors';
import { changeVersionedRow } from '../recorded-change';
import { commentRows, toComment, type Comment } from './comment-view';

/** Soft delete, by the author or an admin, on the version they read. */
export function deleteComment({
  db,
  actor,
  input,
}: ServiceArgs<
  z.infer<typeof ZCommentDeleteInput>,
  'id' | 'workspaceId' | 'role'
>): Promise<Comment> {
  return changeVersionedRow(db, actor, commentRows, {
    id: input.commentId,
    expectedVersion: input.expectedVersion,
    action: 'comment.deleted',
    data: (before) => {
      if (!canDeleteAuthored(actor, before.authorId)) {
        throw forbidden('Only the author or an admin can delete a comment.');
      }
      return { deletedAt: new Date() };
    },
    recorded: (before) => ({ before: { body: before.body, authorId: before.authorId } }),
    view: toComment,
  });
}
