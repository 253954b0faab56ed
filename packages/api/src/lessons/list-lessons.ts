import type { Db } from '@shipshape/db';
import type { ZLessonForStageInput, ZLessonListInput, ZLessonTagsInput } from '@shipshape/domain';
import type { z } from 'zod';
import { assertProjectInWorkspace } from '../access';
import type { ServiceArgs } from '../actor';
import { readCache } from '../read-cache';
import { readLesson, readLessons } from './lesson-view';
import { idsForStage, listNewest, search, tagCounts } from './queries';

export function getLesson({ db, input }: { db: Db; input: { lessonId: string } }) {
  return readLesson(db, input.lessonId);
}

/** The whole workspace's lessons; see ZLessonListInput for order and cursor. */
export async function listLessons({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZLessonListInput>, 'workspaceId' | 'dataVersion'>) {
  await assertProjectInWorkspace(db, actor.workspaceId, input.projectId);
  const filter = {
    workspaceId: actor.workspaceId,
    projectId: input.projectId,
    stageKey: input.stageKey,
    tag: input.tag,
  };
  const page = { cursor: input.cursor, limit: input.limit };
  return readCache.read(
    `lessons:${actor.workspaceId}:${JSON.stringify(input)}`,
    actor.dataVersion,
    () => (input.q ? search(db, filter, input.q, page) : listNewest(db, filter, page)),
  );
}

export function listLessonTags({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZLessonTagsInput>, 'workspaceId'>) {
  return tagCounts(db, actor.workspaceId, input.limit);
}

/** What other projects learnt in this stage; order in `idsForStage`. */
export async function listLessonsForStage({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZLessonForStageInput>, 'workspaceId'>) {
  return readLessons(
    db,
    await idsForStage(db, {
      workspaceId: actor.workspaceId,
      stageKey: input.stageKey,
      excludeProjectId: input.excludeProjectId,
    }),
  );
}
