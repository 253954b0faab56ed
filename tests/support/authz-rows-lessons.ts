// Authorization rows for the lesson and activity procedures (merged into
// `authorizationRows`). The lesson rows need a live lesson in the fixture's
// project written by the MEMBER matrix user, so MEMBER may delete it as its
// author while ADMIN and OWNER may as admins: `createFixtureLesson` makes one.
import type { Db } from '@shipshape/db';
import type { Fixture } from './authz-fixture';
import type { MatrixRow } from './authz-rows';

/** The fixture fields these rows read beyond `Fixture`'s own. */
export interface LessonFixtureFields {
  /** A lesson in `projectId`, filed under stage "data", by the MEMBER user. */
  lessonId: string;
  lessonVersion: number;
}

type LessonFixture = Fixture & LessonFixtureFields;
const lesson = (f: Fixture) => f as LessonFixture;

/** Creates the fixture's lesson; call it in `createFixture` with the MEMBER's id. */
export async function createFixtureLesson(
  db: Db,
  input: { workspaceId: string; projectId: string; authorId: string },
): Promise<LessonFixtureFields> {
  const stage = await db.projectStage.findUniqueOrThrow({
    where: { projectId_key: { projectId: input.projectId, key: 'data' } },
    select: { id: true, key: true },
  });
  const created = await db.lesson.create({
    data: {
      workspaceId: input.workspaceId,
      projectId: input.projectId,
      stageId: stage.id,
      stageKey: stage.key,
      title: 'Matrix lesson: SMOTE did not help',
      tried: 'Oversampling the minority class with SMOTE.',
      happened: 'The model started to overfit on synthetic points.',
      learnt: 'Use class weights first.',
      tags: ['imbalance'],
      authorId: input.authorId,
    },
    select: { id: true, version: true },
  });
  return { lessonId: created.id, lessonVersion: created.version };
}

const ws = (f: Fixture) => ({ workspaceId: f.workspaceId });

export const lessonAuthorizationRows: Record<string, MatrixRow> = {
  'lesson.create': {
    access: 'MEMBER',
    input: (f) => ({
      projectId: f.projectId,
      stageKey: 'data',
      title: 'Matrix made lesson',
      tried: 'Something',
      happened: 'It failed',
      learnt: 'Do something else',
      tags: ['matrix'],
    }),
  },
  'lesson.get': { access: 'VIEWER', input: (f) => ({ lessonId: lesson(f).lessonId }) },
  'lesson.update': {
    access: 'MEMBER',
    input: (f) => ({
      lessonId: lesson(f).lessonId,
      expectedVersion: lesson(f).lessonVersion,
      title: 'Renamed lesson',
    }),
  },
  // MEMBER passes as the lesson's author; a MEMBER who is not the author gets
  // FORBIDDEN (covered in tests/integration/tracking/lessons.test.ts).
  'lesson.delete': {
    access: 'MEMBER',
    input: (f) => ({ lessonId: lesson(f).lessonId, expectedVersion: lesson(f).lessonVersion }),
  },
  'lesson.list': { access: 'VIEWER', input: (f) => ({ ...ws(f), q: 'overfitting' }) },
  'lesson.tags': { access: 'VIEWER', input: ws },
  'lesson.forStage': {
    access: 'VIEWER',
    input: (f) => ({ ...ws(f), stageKey: 'data', excludeProjectId: f.projectId }),
  },
  'activity.list': {
    access: 'VIEWER',
    input: (f) => ({ ...ws(f), projectId: f.projectId }),
  },
};
