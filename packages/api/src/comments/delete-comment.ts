import type { Db } from '@shipshape/db';
import type { ZCommentDeleteInput } from '@shipshape/domain';
import { canDeleteAuthored } from '@shipshape/domain';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { Actor } from '../actor';
import { forbidden } from '../errors';
import { updateIfVersion } from '../versioned-update';
import { readCommentRow, toComment, type Comment } from './comment-view';

/** Soft delete, by the author or an admin, on the version they read. */
export function deleteComment({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Pick<Actor, 'id' | 'workspaceId' | 'role'>;
  input: z.infer<typeof ZCommentDeleteInput>;
}): Promise<Comment> {
  return db.$transaction(async (tx) => {
    const before = await readCommentRow(tx, input.commentId);
    if (!canDeleteAuthored(actor, before.authorId)) {
      throw forbidden('Only the author or an admin can delete a comment.');
    }
    await updateIfVersion(
      tx.comment,
      {
        id: input.commentId,
        expectedVersion: input.expectedVersion,
        where: { deletedAt: null },
        data: { deletedAt: new Date() },
        entity: 'comment',
      },
      async () => toComment(await readCommentRow(tx, input.commentId)),
    );
    const after = await readCommentRow(tx, input.commentId);
    await recordActivity(tx, {
      workspaceId: actor.workspaceId,
      projectId: after.item.projectId,
      actorId: actor.id,
      action: 'comment.deleted',
      entityType: 'comment',
      entityId: after.id,
      before: { body: before.body, authorId: before.authorId },
    });
    return toComment(after);
  });
}
