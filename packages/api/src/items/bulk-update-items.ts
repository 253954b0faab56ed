import type { TItem, ZItemBulkUpdateInput } from '@shipshape/domain';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { ServiceArgs } from '../actor';
import { parseCalendarDate } from '../calendar-dates';
import { badRequest } from '../errors';
import { updateIfVersion, writeIfVersion } from '../versioned-update';
import { itemSelect, readItem, toItem } from './item-view';
import { assertAssignable, itemUpdateData } from './status-change';

/** Assign or set status for many items of one project at once: all of them or none. */
export function bulkUpdateItems({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZItemBulkUpdateInput>>): Promise<{ items: TItem[] }> {
  return db.$transaction(
    async (tx) => {
      const current = await tx.projectItem.findMany({
        where: { id: { in: input.itemIds }, workspaceId: actor.workspaceId },
        select: itemSelect,
      });
      const projectIds = new Set(current.map((item) => item.projectId));
      if (current.length !== input.itemIds.length || projectIds.size !== 1) {
        throw badRequest('All items must exist and belong to one project.');
      }
      const expected = new Map(input.itemIds.map((id, i) => [id, input.expectedVersions[i]!]));
      const stale = current.filter((item) => item.version !== expected.get(item.id));
      await writeIfVersion(
        'checklist items',
        async () => stale.length === 0,
        async () => stale.map(toItem),
      );
      await assertAssignable(tx, actor.workspaceId, input.assigneeId);
      for (const item of current) {
        const data = await itemUpdateData(
          tx,
          item,
          { ...input, dueDate: parseCalendarDate(input.dueDate) },
          actor.id,
        );
        // A concurrent writer got there first: undo everything.
        await updateIfVersion(
          tx.projectItem,
          { id: item.id, expectedVersion: item.version, data, entity: 'checklist items' },
          async () => [await readItem(db, item.id)],
        );
      }
      const after = await tx.projectItem.findMany({
        where: { id: { in: input.itemIds } },
        select: itemSelect,
      });
      const brief = (i: (typeof after)[number]) => ({
        id: i.id,
        status: i.status,
        assigneeId: i.assignee?.id ?? null,
      });
      await recordActivity(tx, actor, {
        projectId: [...projectIds][0]!,
        action: 'item.bulk_updated',
        entityType: 'item',
        entityId: input.itemIds.length === 1 ? input.itemIds[0]! : `${input.itemIds.length} items`,
        before: current.map(brief),
        after: after.map(brief),
      });
      return { items: after.map(toItem) };
    },
    { timeout: 30_000 },
  );
}
