import type { ZLessonDeleteInput, ZLessonDeleted } from '@shipshape/domain';
import { canDeleteAuthored } from '@shipshape/domain';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { ServiceArgs } from '../actor';
import { forbidden } from '../errors';
import { updateIfVersion } from '../versioned-update';
import { readLesson } from './lesson-view';

/** Soft delete: the row stays (deletedAt set) and vanishes from every read.
 * Its author may delete it, and so may an ADMIN or OWNER; other members
 * get FORBIDDEN. */
export function deleteLesson({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZLessonDeleteInput>, 'id' | 'workspaceId' | 'role'>): Promise<
  z.infer<typeof ZLessonDeleted>
> {
  return db.$transaction(async (tx) => {
    const before = await readLesson(tx, input.lessonId);
    if (!canDeleteAuthored(actor, before.author?.id)) {
      throw forbidden('Only the lesson’s author or an admin can delete it.');
    }
    const deletedAt = new Date();
    await updateIfVersion(
      tx.lesson,
      {
        id: input.lessonId,
        expectedVersion: input.expectedVersion,
        data: { deletedAt },
        entity: 'lesson',
      },
      () => readLesson(tx, input.lessonId),
    );
    const version = input.expectedVersion + 1;
    await recordActivity(tx, actor, {
      projectId: before.project.id,
      action: 'lesson.deleted',
      entityType: 'lesson',
      entityId: input.lessonId,
      before,
      after: { deletedAt, version },
    });
    return { id: input.lessonId, deletedAt, version };
  });
}
