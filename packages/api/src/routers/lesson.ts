import {
  ZLesson,
  ZLessonCreateInput,
  ZLessonDeleteInput,
  ZLessonDeleted,
  ZLessonForStageInput,
  ZLessonListInput,
  ZLessonPage,
  ZLessonRef,
  ZLessonTagCount,
  ZLessonTagsInput,
  ZLessonUpdateInput,
  type TLesson,
} from '@shipshape/domain';
import { z } from 'zod';
import { byLesson, byProject, byWorkspace, roleAtLeast } from '../access';
import { recordActivity } from '../activity';
import { forbidden, notFound } from '../errors';
import { readLesson, readLessons } from '../lessons/lesson-view';
import { resolvePlacement } from '../lessons/placement';
import { idsForStage, listNewest, search, tagCounts } from '../lessons/queries';
import { readCache } from '../read-cache';
import { outputOnce } from '../validated-output';
import { router, workspaceProcedure } from '../trpc';
import { updateIfVersion } from '../versioned-update';

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

export const lessonRouter = router({
  create: workspaceProcedure(ZLessonCreateInput, 'MEMBER', byProject)
    .output(ZLesson)
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(async (tx) => {
        const { projectId, stageKey, itemId, ...text } = input;
        const placement = await resolvePlacement(tx, projectId, { stageKey, itemId }, null);
        const { id } = await tx.lesson.create({
          data: {
            ...text,
            ...placement,
            workspaceId: ctx.workspaceId,
            projectId,
            authorId: ctx.user.id,
          },
          select: { id: true },
        });
        const lesson = await readLesson(tx, id);
        await recordActivity(tx, {
          workspaceId: ctx.workspaceId,
          projectId,
          actorId: ctx.user.id,
          action: 'lesson.created',
          entityType: 'lesson',
          entityId: id,
          after: lesson,
        });
        return lesson;
      }),
    ),

  get: workspaceProcedure(ZLessonRef, 'VIEWER', byLesson)
    .output(ZLesson)
    .query(({ ctx, input }) => readLesson(ctx.db, input.lessonId)),

  /** Any member may improve a lesson (the log keeps what it said before). */
  update: workspaceProcedure(ZLessonUpdateInput, 'MEMBER', byLesson)
    .output(ZLesson)
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(async (tx) => {
        const { lessonId, expectedVersion, stageKey, itemId, ...text } = input;
        const before = await readLesson(tx, lessonId);
        const stored = await tx.lesson.findUniqueOrThrow({
          where: { id: lessonId },
          select: { stageId: true, stageKey: true, itemId: true },
        });
        const placement = await resolvePlacement(
          tx,
          before.project.id,
          { stageKey, itemId },
          stored,
        );
        await updateIfVersion(
          tx.lesson,
          {
            id: lessonId,
            expectedVersion,
            data: { ...text, ...placement },
            entity: 'lesson',
          },
          // Read again: after a lost race this sees the winner's row (or
          // answers NOT_FOUND if the lesson was deleted meanwhile).
          () => readLesson(tx, lessonId),
        );
        const after = await readLesson(tx, lessonId);
        await recordActivity(tx, {
          workspaceId: ctx.workspaceId,
          projectId: before.project.id,
          actorId: ctx.user.id,
          action: 'lesson.updated',
          entityType: 'lesson',
          entityId: lessonId,
          ...changes(before, after),
        });
        return after;
      }),
    ),

  /** Soft delete: the row stays (deletedAt set) and vanishes from every read.
   * Its author may delete it, and so may an ADMIN or OWNER; other members
   * get FORBIDDEN. */
  delete: workspaceProcedure(ZLessonDeleteInput, 'MEMBER', byLesson)
    .output(ZLessonDeleted)
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(async (tx) => {
        const before = await readLesson(tx, input.lessonId);
        if (before.author?.id !== ctx.user.id && !roleAtLeast(ctx.role, 'ADMIN')) {
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
        await recordActivity(tx, {
          workspaceId: ctx.workspaceId,
          projectId: before.project.id,
          actorId: ctx.user.id,
          action: 'lesson.deleted',
          entityType: 'lesson',
          entityId: input.lessonId,
          before,
          after: { deletedAt, version },
        });
        return { id: input.lessonId, deletedAt, version };
      }),
    ),

  /** The whole workspace's lessons; see ZLessonListInput for order and cursor. */
  list: workspaceProcedure(ZLessonListInput, 'VIEWER', byWorkspace)
    .output(outputOnce(ZLessonPage))
    .query(async ({ ctx, input }) => {
      if (input.projectId) {
        const project = await ctx.db.project.findFirst({
          where: { id: input.projectId, workspaceId: ctx.workspaceId },
          select: { id: true },
        });
        if (!project) throw notFound('Project');
      }
      const filter = {
        workspaceId: ctx.workspaceId,
        projectId: input.projectId,
        stageKey: input.stageKey,
        tag: input.tag,
      };
      const page = { cursor: input.cursor, limit: input.limit };
      return readCache.read(
        `lessons:${ctx.workspaceId}:${JSON.stringify(input)}`,
        ctx.dataVersion,
        () => (input.q ? search(ctx.db, filter, input.q, page) : listNewest(ctx.db, filter, page)),
      );
    }),

  tags: workspaceProcedure(ZLessonTagsInput, 'VIEWER', byWorkspace)
    .output(z.array(ZLessonTagCount))
    .query(({ ctx, input }) => tagCounts(ctx.db, ctx.workspaceId, input.limit)),

  /** What other projects learnt in this stage; order in `idsForStage`. */
  forStage: workspaceProcedure(ZLessonForStageInput, 'VIEWER', byWorkspace)
    .output(z.array(ZLesson))
    .query(async ({ ctx, input }) =>
      readLessons(
        ctx.db,
        await idsForStage(ctx.db, {
          workspaceId: ctx.workspaceId,
          stageKey: input.stageKey,
          excludeProjectId: input.excludeProjectId,
        }),
      ),
    ),
});
