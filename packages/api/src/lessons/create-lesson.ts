import type { Db } from '@shipshape/db';
import type { TLesson, ZLessonCreateInput } from '@shipshape/domain';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { Actor } from '../actor';
import { readLesson } from './lesson-view';
import { resolvePlacement } from './placement';

export function createLesson({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Pick<Actor, 'id' | 'workspaceId'>;
  input: z.infer<typeof ZLessonCreateInput>;
}): Promise<TLesson> {
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
    const lesson = await readLesson(tx, id);
    await recordActivity(tx, {
      workspaceId: actor.workspaceId,
      projectId,
      actorId: actor.id,
      action: 'lesson.created',
      entityType: 'lesson',
      entityId: id,
      after: lesson,
    });
    return lesson;
  });
}
