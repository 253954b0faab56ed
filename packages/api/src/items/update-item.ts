import type { TItem, ZItemUpdateInput } from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { formatCalendarDate, parseCalendarDate } from '../calendar-dates';
import { writeIfVersion } from '../versioned-update';
import { readItem } from './item-view';
import { assertAssignable, itemUpdateData } from './status-change';
import { updateItemIfVersion } from './write-item';

/** Status, assignee, due date, notes of one item, on the version the caller read. */
export async function updateItem({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZItemUpdateInput>, 'id' | 'name' | 'workspaceId'>): Promise<TItem> {
  // Read and check first; the version in the UPDATE's WHERE clause
  // guarantees that the row we checked is the row we overwrite, and the
  // write with its activity row is a single statement.
  const before = await readItem(db, input.itemId);
  await writeIfVersion(
    'checklist item',
    async () => before.version === input.expectedVersion,
    async () => before,
  );
  const data = await itemUpdateData(
    db,
    before,
    { ...input, dueDate: parseCalendarDate(input.dueDate) },
    actor.id,
  );
  const assignee = await assertAssignable(db, actor.workspaceId, input.assigneeId);
  const updatedAt = new Date();
  const change = itemChange(before, data);
  await writeIfVersion(
    'checklist item',
    () =>
      updateItemIfVersion(db, {
        itemId: input.itemId,
        expectedVersion: input.expectedVersion,
        data,
        updatedAt,
        actor,
        activity: {
          projectId: before.projectId,
          action: 'item.updated',
          entityType: 'item',
          entityId: before.id,
          before: change.before,
          after: change.after,
        },
      }),
    () => readItem(db, input.itemId),
  );
  // The row as written, without reading it back: every changed column is
  // known here (a test compares it with item.get).
  return {
    ...before,
    ...pick(data, ['status', 'notApplicableReason', 'notes', 'completedAt']),
    ...(data.assigneeId !== undefined ? { assignee } : {}),
    ...(data.dueDate !== undefined
      ? { dueDate: formatCalendarDate(data.dueDate as Date | null) }
      : {}),
    ...(data.completedById !== undefined
      ? { completedBy: data.completedById ? { id: actor.id, name: actor.name } : null }
      : {}),
    version: before.version + 1,
    updatedAt,
  } as TItem;
}

function pick<T extends object, K extends string>(
  object: T,
  keys: K[],
): Partial<Record<K, unknown>> {
  return Object.fromEntries(
    keys
      .filter((key) => key in object)
      .map((key) => [key, (object as Record<string, unknown>)[key]]),
  ) as Partial<Record<K, unknown>>;
}

/** The columns a write changes, as they were and as they become: an activity row's before/after. */
function itemChange(before: TItem, data: Record<string, unknown>) {
  const was: Record<string, unknown> = {
    status: before.status,
    notApplicableReason: before.notApplicableReason,
    assigneeId: before.assignee?.id ?? null,
    dueDate: before.dueDate,
    notes: before.notes,
    completedAt: before.completedAt,
    completedById: before.completedBy?.id ?? null,
  };
  // Due dates are calendar dates: compared and recorded as YYYY-MM-DD.
  const value = (key: string, v: unknown) =>
    key === 'dueDate' && v instanceof Date ? formatCalendarDate(v) : v;
  const changed = Object.keys(data).filter(
    (key) => key in was && JSON.stringify(value(key, data[key])) !== JSON.stringify(was[key]),
  );
  return {
    before: Object.fromEntries(changed.map((key) => [key, was[key]])),
    after: Object.fromEntries(changed.map((key) => [key, value(key, data[key])])),
  };
}
