import type { Db } from '@shipshape/db';
import type { ZCommentEditInput } from '@shipshape/domain';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { Actor } from '../actor';
import { forbidden } from '../errors';
import { updateIfVersion } from '../versioned-update';
import { readCommentRow, toComment, type Comment } from './comment-view';

/** Rewrites a comment's body: its author only, on the version they read. */
export function editComment({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Pick<Actor, 'id' | 'workspaceId'>;
  input: z.infer<typeof ZCommentEditInput>;
}): Promise<Comment> {
  return db.$transaction(async (tx) => {
    const before = await readCommentRow(tx, input.commentId);
    if (before.authorId !== actor.id) throw forbidden('Only the author can edit a comment.');
    await updateIfVersion(
      tx.comment,
      {
        id: input.commentId,
        expectedVersion: input.expectedVersion,
        where: { deletedAt: null },
        data: { body: input.body, editedAt: new Date() },
        entity: 'comment',
      },
      async () => toComment(before),
    );
    const after = await readCommentRow(tx, input.commentId);
    await recordActivity(tx, {
      workspaceId: actor.workspaceId,
      projectId: after.item.projectId,
      actorId: actor.id,
      action: 'comment.edited',
      entityType: 'comment',
      entityId: after.id,
      before: { body: before.body },
      after: { body: after.body },
    });
    return toComment(after);
  });
}
