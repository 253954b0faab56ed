import type { Db } from '@shipshape/db';
import type { ZLessonForStageInput, ZLessonListInput, ZLessonTagsInput } from '@shipshape/domain';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { notFound } from '../errors';
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
}: {
  db: Db;
  actor: Pick<Actor, 'workspaceId' | 'dataVersion'>;
  input: z.infer<typeof ZLessonListInput>;
}) {
  if (input.projectId) {
    const project = await db.project.findFirst({
      where: { id: input.projectId, workspaceId: actor.workspaceId },
      select: { id: true },
    });
    if (!project) throw notFound('Project');
  }
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
}: {
  db: Db;
  actor: Pick<Actor, 'workspaceId'>;
  input: z.infer<typeof ZLessonTagsInput>;
}) {
  return tagCounts(db, actor.workspaceId, input.limit);
}

/** What other projects learnt in this stage; order in `idsForStage`. */
export async function listLessonsForStage({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Pick<Actor, 'workspaceId'>;
  input: z.infer<typeof ZLessonForStageInput>;
}) {
  return readLessons(
    db,
    await idsForStage(db, {
      workspaceId: actor.workspaceId,
      stageKey: input.stageKey,
      excludeProjectId: input.excludeProjectId,
    }),
  );
}
