import type { Prisma } from '@shipshape/db';
import type { TLesson } from '@shipshape/domain';
import { notFound } from '../errors';
import type { RecordedRows } from '../recorded-change';

/** The columns a lesson answer needs; shared by every lesson procedure. */
export const lessonSelect = {
  id: true,
  workspaceId: true,
  stageKey: true,
  title: true,
  tried: true,
  happened: true,
  learnt: true,
  tags: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  deletedAt: true,
  project: { select: { id: true, name: true } },
  item: { select: { id: true, title: true } },
  author: { select: { id: true, name: true } },
} satisfies Prisma.LessonSelect;

export type LessonRow = Prisma.LessonGetPayload<{ select: typeof lessonSelect }>;

export function toLesson(row: LessonRow): TLesson {
  const { deletedAt: _deletedAt, ...lesson } = row;
  return lesson;
}

type LessonReader = Pick<Prisma.TransactionClient, 'lesson'>;

/** The lesson as it is now; NOT_FOUND once soft-deleted. */
export async function readLesson(db: LessonReader, lessonId: string): Promise<TLesson> {
  const row = await db.lesson.findUnique({ where: { id: lessonId }, select: lessonSelect });
  if (!row || row.deletedAt) throw notFound('Lesson');
  return toLesson(row);
}

/** Lessons by id, in the order of `ids` (ids that are gone are skipped). */
export async function readLessons(db: LessonReader, ids: string[]): Promise<TLesson[]> {
  if (ids.length === 0) return [];
  const rows = await db.lesson.findMany({
    where: { id: { in: ids }, deletedAt: null },
    select: lessonSelect,
  });
  const byId = new Map(rows.map((row) => [row.id, toLesson(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Lessons as members improve them: on the version they read, never once deleted (NOT_FOUND). */
export const lessonRows: RecordedRows<TLesson, Prisma.LessonUncheckedUpdateManyInput> = {
  entity: 'lesson',
  entityType: 'lesson',
  table: (tx) => tx.lesson,
  read: readLesson,
  projectOf: (lesson) => lesson.project.id,
};
