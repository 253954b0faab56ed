import type { TLesson, ZLessonCreateInput } from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { readAndRecord } from '../recorded-change';
import { lessonRows } from './lesson-view';
import { resolvePlacement } from './placement';

export function createLesson({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZLessonCreateInput>>): Promise<TLesson> {
  return db.$transaction(async (tx) => {
    const { projectId, stageKey, itemId, ...text } = input;
    const placement = await resolvePlacement(tx, projectId, { stageKey, itemId }, null);
    const { id } = await tx.lesson.create({
      data: {
        ...text,
        ...placement,
        workspaceId: actor.workspaceId,
        projectId,
        authorId: actor.id,
      },
      select: { id: true },
    });
    return readAndRecord(tx, actor, lessonRows, { id, action: 'lesson.created' });
  });
}
