import type { Db } from '@shipshape/db';
import type { TLesson, ZLessonUpdateInput } from '@shipshape/domain';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { Actor } from '../actor';
import { updateIfVersion } from '../versioned-update';
import { readLesson } from './lesson-view';
import { resolvePlacement } from './placement';

/** The fields an edit can change; the activity log records those that did. */
const editable = ['title', 'tried', 'happened', 'learnt', 'tags', 'stageKey', 'item'] as const;

function changes(before: TLesson, after: TLesson) {
  const changed = editable.filter(
    (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  const pick = (lesson: TLesson) => ({
    ...Object.fromEntries(changed.map((field) => [field, lesson[field]])),
    version: lesson.version,
  });
  return { before: pick(before), after: pick(after) };
}

/** Any member may improve a lesson (the log keeps what it said before). */
export function updateLesson({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Pick<Actor, 'id' | 'workspaceId'>;
  input: z.infer<typeof ZLessonUpdateInput>;
}): Promise<TLesson> {
  return db.$transaction(async (tx) => {
    const { lessonId, expectedVersion, stageKey, itemId, ...text } = input;
    const before = await readLesson(tx, lessonId);
    const stored = await tx.lesson.findUniqueOrThrow({
      where: { id: lessonId },
      select: { stageId: true, stageKey: true, itemId: true },
    });
    const placement = await resolvePlacement(tx, before.project.id, { stageKey, itemId }, stored);
    await updateIfVersion(
      tx.lesson,
      { id: lessonId, expectedVersion, data: { ...text, ...placement }, entity: 'lesson' },
      // Read again: after a lost race this sees the winner's row (or
      // answers NOT_FOUND if the lesson was deleted meanwhile).
      () => readLesson(tx, lessonId),
    );
    const after = await readLesson(tx, lessonId);
    await recordActivity(tx, {
      workspaceId: actor.workspaceId,
      projectId: before.project.id,
      actorId: actor.id,
      action: 'lesson.updated',
      entityType: 'lesson',
      entityId: lessonId,
      ...changes(before, after),
    });
    return after;
  });
}
