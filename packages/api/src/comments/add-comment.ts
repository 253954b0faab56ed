import type { ZCommentAddInput } from '@shipshape/domain';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { ServiceArgs } from '../actor';
import { commentSelect, toComment, type Comment } from './comment-view';

export function addComment({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZCommentAddInput>>): Promise<Comment> {
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: {
        workspaceId: actor.workspaceId,
        itemId: input.itemId,
        authorId: actor.id,
        body: input.body,
      },
      select: commentSelect,
    });
    await recordActivity(tx, actor, {
      projectId: comment.item.projectId,
      action: 'comment.added',
      entityType: 'comment',
      entityId: comment.id,
      after: { itemId: input.itemId, body: input.body },
    });
    return toComment(comment);
  });
}
