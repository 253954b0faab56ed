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
} from '@shipshape/domain';
import { z } from 'zod';
import { byLesson, byProject, byWorkspace } from '../access';
import { member } from '../actor';
import { createLesson } from '../lessons/create-lesson';
import { deleteLesson } from '../lessons/delete-lesson';
import {
  getLesson,
  listLessonTags,
  listLessons,
  listLessonsForStage,
} from '../lessons/list-lessons';
import { updateLesson } from '../lessons/update-lesson';
import { router, workspaceProcedure } from '../trpc';
import { outputOnce } from '../validated-output';

export const lessonRouter = router({
  create: workspaceProcedure(ZLessonCreateInput, 'MEMBER', byProject)
    .output(ZLesson)
    .mutation(({ ctx, input }) => createLesson({ ...member(ctx), input })),

  get: workspaceProcedure(ZLessonRef, 'VIEWER', byLesson)
    .output(ZLesson)
    .query(({ ctx, input }) => getLesson({ db: ctx.db, input })),

  /** Any member may improve a lesson (the log keeps what it said before). */
  update: workspaceProcedure(ZLessonUpdateInput, 'MEMBER', byLesson)
    .output(ZLesson)
    .mutation(({ ctx, input }) => updateLesson({ ...member(ctx), input })),

  /** Soft delete, by its author or an ADMIN or OWNER. */
  delete: workspaceProcedure(ZLessonDeleteInput, 'MEMBER', byLesson)
    .output(ZLessonDeleted)
    .mutation(({ ctx, input }) => deleteLesson({ ...member(ctx), input })),

  /** The whole workspace's lessons; see ZLessonListInput for order and cursor. */
  list: workspaceProcedure(ZLessonListInput, 'VIEWER', byWorkspace)
    .output(outputOnce(ZLessonPage))
    .query(({ ctx, input }) => listLessons({ ...member(ctx), input })),

  tags: workspaceProcedure(ZLessonTagsInput, 'VIEWER', byWorkspace)
    .output(z.array(ZLessonTagCount))
    .query(({ ctx, input }) => listLessonTags({ ...member(ctx), input })),

  /** What other projects learnt in this stage; order in `idsForStage`. */
  forStage: workspaceProcedure(ZLessonForStageInput, 'VIEWER', byWorkspace)
    .output(z.array(ZLesson))
    .query(({ ctx, input }) => listLessonsForStage({ ...member(ctx), input })),
});
