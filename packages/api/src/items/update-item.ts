import type { TItem, ZItemUpdateInput } from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { parseCalendarDate } from '../calendar-dates';
import { writeIfVersion } from '../versioned-update';
import { readItem } from './item-view';
import { assertAssignable, itemUpdateData, type ItemChanges } from './status-change';
import { writeItemIfVersion } from './write-item';

type ItemUpdate = z.infer<typeof ZItemUpdateInput>;

/** Status, assignee, due date, notes of one item, on the version the caller read. */
export async function updateItem({
  db,
  actor,
  input,
}: ServiceArgs<ItemUpdate, 'id' | 'name' | 'workspaceId'>): Promise<TItem> {
  const changes: ItemChanges = { ...input, dueDate: parseCalendarDate(input.dueDate) };
  const data = needsRules(input)
    ? await checkedData({ db, actor, input }, changes)
    : plainData(changes);
  return writeIfVersion(
    'checklist item',
    () =>
      writeItemIfVersion(db, {
        itemId: input.itemId,
        expectedVersion: input.expectedVersion,
        data,
        updatedAt: new Date(),
        actor,
      }),
    () => readItem(db, input.itemId),
  );
}

/** Status changes follow the checklist's rules and a new assignee must be a
 * member: both need reads first. Notes, due dates and unassigning do not, and
 * are then written in one statement (the write re-checks the version). */
function needsRules(input: ItemUpdate): boolean {
  return (
    input.status !== undefined || input.notApplicableReason !== undefined || !!input.assigneeId
  );
}

function plainData(changes: ItemChanges): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (changes.assigneeId !== undefined) data.assigneeId = changes.assigneeId;
  if (changes.dueDate !== undefined) data.dueDate = changes.dueDate;
  if (changes.notes !== undefined) data.notes = changes.notes;
  return data;
}

async function checkedData(
  { db, actor, input }: ServiceArgs<ItemUpdate, 'id' | 'name' | 'workspaceId'>,
  changes: ItemChanges,
): Promise<Record<string, unknown>> {
  const before = await db.projectItem.findUniqueOrThrow({
    where: { id: input.itemId },
    select: { id: true, title: true, status: true, notApplicableReason: true, version: true },
  });
  // Rules checked against a row the caller has not seen would answer the wrong question.
  await writeIfVersion(
    'checklist item',
    async () => before.version === input.expectedVersion,
    () => readItem(db, input.itemId),
  );
  const data = await itemUpdateData(db, before, changes, actor.id);
  await assertAssignable(db, actor.workspaceId, input.assigneeId);
  return data;
}
