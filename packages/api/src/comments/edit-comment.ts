import type { ZCommentEditInput } from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { forbidden } from '../errors';
import { changeVersionedRow, recordFields } from '../recorded-change';
import { commentRows, toComment, type Comment } from './comment-view';

/** Rewrites a comment's body: its author only, on the version they read. */
export function editComment({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZCommentEditInput>>): Promise<Comment> {
  return changeVersionedRow(db, actor, commentRows, {
    id: input.commentId,
    expectedVersion: input.expectedVersion,
    action: 'comment.edited',
    data: (before) => {
      if (before.authorId !== actor.id) throw forbidden('Only the author can edit a comment.');
      return { body: input.body, editedAt: new Date() };
    },
    recorded: recordFields('body'),
    view: toComment,
  });
}
