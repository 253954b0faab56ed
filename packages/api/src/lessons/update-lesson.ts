import type { TLesson, ZLessonUpdateInput } from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { changeVersionedRow } from '../recorded-change';
import { lessonRows } from './lesson-view';
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
}: ServiceArgs<z.infer<typeof ZLessonUpdateInput>>): Promise<TLesson> {
  const { lessonId, expectedVersion, stageKey, itemId, ...text } = input;
  // After a lost race the CONFLICT carries the winner's row, or the answer is
  // NOT_FOUND if the lesson was deleted meanwhile.
  return changeVersionedRow(db, actor, lessonRows, {
    id: lessonId,
    expectedVersion,
    action: 'lesson.updated',
    data: async (before, tx) => {
      const stored = await tx.lesson.findUniqueOrThrow({
        where: { id: lessonId },
        select: { stageId: true, stageKey: true, itemId: true },
      });
      const placement = await resolvePlacement(tx, before.project.id, { stageKey, itemId }, stored);
      return { ...text, ...placement };
    },
    recorded: changes,
  });
}
