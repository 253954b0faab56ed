import type { Prisma } from '@shipshape/db';
import { formatCalendarDate } from '../calendar-dates';

export const briefItemSelect = {
  id: true,
  title: true,
  status: true,
  dueDate: true,
  stage: { select: { key: true } },
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.ProjectItemSelect;

export function toBrief(row: Prisma.ProjectItemGetPayload<{ select: typeof briefItemSelect }>) {
  return {
    id: row.id,
    title: row.title,
    stageKey: row.stage.key,
    status: row.status,
    dueDate: formatCalendarDate(row.dueDate),
    assignee: row.assignee,
  };
}

export const lessonBriefSelect = {
  id: true,
  title: true,
  stageKey: true,
  tags: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.LessonSelect;
