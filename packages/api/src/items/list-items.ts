import type { Db } from '@shipshape/db';
import {
  OPEN_STATUSES,
  isOverdue,
  type ZItemListInput,
  type ZItemMineInput,
} from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { startOfTodayUtc } from '../calendar-dates';
import { pageArgs, toPage } from '../pagination';
import { projectReadVersion, readCache } from '../read-cache';
import { itemSelect, readItem, toItem } from './item-view';

/** A project's items (optionally one stage, assignee, status or the overdue
 * ones), in checklist order; cached until the workspace changes. */
export function listItems({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZItemListInput>, 'dataVersion' | 'projectVersion'>) {
  return readCache.read(`items:${JSON.stringify(input)}`, projectReadVersion(actor), async () => {
    const rows = await db.projectItem.findMany({
      where: {
        projectId: input.projectId,
        ...(input.stageKey ? { stage: { key: input.stageKey } } : {}),
        ...(input.assigneeId ? { assigneeId: input.assigneeId } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(input.overdue
          ? { status: { in: [...OPEN_STATUSES] }, dueDate: { lt: startOfTodayUtc() } }
          : {}),
      },
      select: itemSelect,
      orderBy: [
        { stage: { position: 'asc' } },
        { depth: 'asc' },
        { position: 'asc' },
        { id: 'asc' },
      ],
      ...pageArgs(input),
    });
    return toPage(rows, input.limit, toItem);
  });
}

export function getItem({ db, input }: { db: Db; input: { itemId: string } }) {
  return readItem(db, input.itemId);
}

/** The caller's open items across the workspace's active projects, overdue first. */
export async function listMyItems({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZItemMineInput>>) {
  const rows = await db.projectItem.findMany({
    where: {
      workspaceId: actor.workspaceId,
      assigneeId: actor.id,
      status: { in: [...OPEN_STATUSES] },
      project: { archived: false },
    },
    select: { ...itemSelect, project: { select: { id: true, name: true } } },
    orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
    ...pageArgs(input),
  });
  const today = startOfTodayUtc();
  return toPage(rows, input.limit, (row) => ({
    ...toItem(row),
    project: row.project,
    overdue: isOverdue(row, today),
  }));
}
