import {
  OPEN_STATUSES,
  ZEvidenceAddInput,
  ZEvidenceRef,
  ZItem,
  ZItemAddCustomInput,
  ZItemBulkUpdateInput,
  ZItemListInput,
  ZItemMineInput,
  ZItemMoveInput,
  ZItemRef,
  ZItemUpdateInput,
  type TItem,
} from '@shipshape/domain';
import type { Db, Prisma } from '@shipshape/db';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { recordActivity } from '../activity';
import { badRequest, conflict, notFound } from '../errors';
import { formatCalendarDate, itemSelect, parseCalendarDate, toItem } from '../items/item-view';
import { assertAssignable, itemUpdateData } from '../items/status-change';
import { updateItemIfVersion } from '../items/write-item';
import { readCache } from '../read-cache';
import { outputOnce } from '../validated-output';
import { pageArgs, toPage } from '../pagination';
import { startOfTodayUtc } from '../dashboards/stage-progress';
import { router, workspaceProcedure } from '../trpc';
import { byItem, byProject, byWorkspace } from '../access';

async function readItem(tx: Prisma.TransactionClient, itemId: string) {
  return toItem(
    await tx.projectItem.findUniqueOrThrow({ where: { id: itemId }, select: itemSelect }),
  );
}

export const itemRouter = router({
  list: workspaceProcedure(ZItemListInput, 'VIEWER', byProject)
    .output(outputOnce(z.object({ items: z.array(ZItem), nextCursor: z.string().nullable() })))
    .query(({ ctx, input }) =>
      readCache.read(`items:${JSON.stringify(input)}`, ctx.dataVersion, () =>
        listItems(ctx.db, input),
      ),
    ),

  get: workspaceProcedure(ZItemRef, 'VIEWER', byItem)
    .output(ZItem)
    .query(({ ctx, input }) => readItem(ctx.db, input.itemId)),

  update: workspaceProcedure(ZItemUpdateInput, 'MEMBER', byItem)
    .output(ZItem)
    .mutation(async ({ ctx, input }) => {
      // Read and check first; the version in the UPDATE's WHERE clause
      // guarantees that the row we checked is the row we overwrite, and the
      // write with its activity row is a single statement.
      const before = await readItem(ctx.db, input.itemId);
      if (before.version !== input.expectedVersion) throw conflict('checklist item', before);
      const data = await itemUpdateData(
        ctx.db,
        before,
        { ...input, dueDate: parseCalendarDate(input.dueDate) },
        ctx.user.id,
      );
      const assignee = await assertAssignable(ctx.db, ctx.workspaceId, input.assigneeId);
      const updatedAt = new Date();
      const change = itemChange(before, data);
      const written = await updateItemIfVersion(ctx.db, {
        itemId: input.itemId,
        expectedVersion: input.expectedVersion,
        data,
        updatedAt,
        activity: {
          workspaceId: ctx.workspaceId,
          projectId: before.projectId,
          actorId: ctx.user.id,
          action: 'item.updated',
          entityType: 'item',
          entityId: before.id,
          before: change.before,
          after: change.after,
        },
      });
      if (!written) throw conflict('checklist item', await readItem(ctx.db, input.itemId));
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
          ? { completedBy: data.completedById ? { id: ctx.user.id, name: ctx.user.name } : null }
          : {}),
        version: before.version + 1,
        updatedAt,
      } as TItem;
    }),

  /** Assign or set status for many items at once: all of them or none. */
  bulkUpdate: workspaceProcedure(ZItemBulkUpdateInput, 'MEMBER', (input) => ({
    kind: 'item',
    id: input.itemIds[0]!,
  }))
    .output(z.object({ items: z.array(ZItem) }))
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(
        async (tx) => {
          const current = await tx.projectItem.findMany({
            where: { id: { in: input.itemIds }, workspaceId: ctx.workspaceId },
            select: itemSelect,
          });
          const projectIds = new Set(current.map((item) => item.projectId));
          if (current.length !== input.itemIds.length || projectIds.size !== 1) {
            throw badRequest('All items must exist and belong to one project.');
          }
          const expected = new Map(input.itemIds.map((id, i) => [id, input.expectedVersions[i]!]));
          const stale = current.filter((item) => item.version !== expected.get(item.id));
          if (stale.length > 0) throw conflict('checklist items', stale.map(toItem));
          await assertAssignable(tx, ctx.workspaceId, input.assigneeId);
          for (const item of current) {
            const data = await itemUpdateData(
              tx,
              item,
              { ...input, dueDate: parseCalendarDate(input.dueDate) },
              ctx.user.id,
            );
            const written = await tx.projectItem.updateMany({
              where: { id: item.id, version: item.version },
              data: { ...data, version: { increment: 1 } },
            });
            // A concurrent writer got there first: undo everything.
            if (written.count === 0)
              throw conflict('checklist items', [await readItem(ctx.db, item.id)]);
          }
          const after = await tx.projectItem.findMany({
            where: { id: { in: input.itemIds } },
            select: itemSelect,
          });
          await recordActivity(tx, {
            workspaceId: ctx.workspaceId,
            projectId: [...projectIds][0]!,
            actorId: ctx.user.id,
            action: 'item.bulk_updated',
            entityType: 'item',
            entityId:
              input.itemIds.length === 1 ? input.itemIds[0]! : `${input.itemIds.length} items`,
            before: current.map((i) => ({
              id: i.id,
              status: i.status,
              assigneeId: i.assignee?.id ?? null,
            })),
            after: after.map((i) => ({
              id: i.id,
              status: i.status,
              assigneeId: i.assignee?.id ?? null,
            })),
          });
          return { items: after.map(toItem) };
        },
        { timeout: 30_000 },
      ),
    ),

  addCustom: workspaceProcedure(ZItemAddCustomInput, 'MEMBER', byProject)
    .output(ZItem)
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(async (tx) => {
        const stage = await tx.projectStage.findUnique({
          where: { projectId_key: { projectId: input.projectId, key: input.stageKey } },
          select: { id: true },
        });
        if (!stage) throw badRequest(`This project has no stage "${input.stageKey}".`);
        let depth = 0;
        if (input.parentId) {
          const parent = await tx.projectItem.findFirst({
            where: { id: input.parentId, projectId: input.projectId, stageId: stage.id },
            select: { depth: true },
          });
          if (!parent) throw badRequest('The parent item must be in the same project and stage.');
          depth = parent.depth + 1;
        }
        const last = await tx.projectItem.aggregate({
          where: {
            projectId: input.projectId,
            stageId: stage.id,
            parentId: input.parentId ?? null,
          },
          _max: { position: true },
        });
        const created = await tx.projectItem.create({
          data: {
            workspaceId: ctx.workspaceId,
            projectId: input.projectId,
            stageId: stage.id,
            parentId: input.parentId ?? null,
            key: `${input.stageKey}/custom-${randomBytes(5).toString('hex')}`,
            position: (last._max.position ?? -1) + 1,
            depth,
            title: input.title,
            bodyMarkdown: input.body ?? null,
            isCustom: true,
          },
          select: { id: true },
        });
        const item = await readItem(tx, created.id);
        await recordActivity(tx, {
          workspaceId: ctx.workspaceId,
          projectId: input.projectId,
          actorId: ctx.user.id,
          action: 'item.created',
          entityType: 'item',
          entityId: item.id,
          after: { title: item.title, stageKey: item.stageKey, parentId: item.parentId },
        });
        return item;
      }),
    ),

  /** Reorders an item among its siblings. */
  move: workspaceProcedure(ZItemMoveInput, 'MEMBER', byItem)
    .output(ZItem)
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(async (tx) => {
        const item = await readItem(tx, input.itemId);
        const written = await tx.projectItem.updateMany({
          where: { id: input.itemId, version: input.expectedVersion },
          data: { version: { increment: 1 } },
        });
        if (written.count === 0) throw conflict('checklist item', item);
        const siblings = await tx.projectItem.findMany({
          where: {
            projectId: item.projectId,
            stage: { key: item.stageKey },
            parentId: item.parentId,
          },
          select: { id: true },
          orderBy: [{ position: 'asc' }, { id: 'asc' }],
        });
        const order = siblings.map((s) => s.id).filter((id) => id !== item.id);
        order.splice(Math.min(input.position, order.length), 0, item.id);
        await tx.$executeRaw`
          UPDATE project_items p SET position = v.position - 1
            FROM unnest(${order}::uuid[]) WITH ORDINALITY AS v(id, position)
           WHERE p.id = v.id AND p.position <> v.position - 1`;
        const after = await readItem(tx, input.itemId);
        await recordActivity(tx, {
          workspaceId: ctx.workspaceId,
          projectId: item.projectId,
          actorId: ctx.user.id,
          action: 'item.moved',
          entityType: 'item',
          entityId: item.id,
          before: { position: item.position },
          after: { position: after.position },
        });
        return after;
      }),
    ),

  /** The caller's open items across the workspace's active projects, overdue first. */
  mine: workspaceProcedure(ZItemMineInput, 'VIEWER', byWorkspace)
    .output(
      z.object({
        items: z.array(
          ZItem.extend({
            project: z.object({ id: z.string(), name: z.string() }),
            overdue: z.boolean(),
          }),
        ),
        nextCursor: z.string().nullable(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.projectItem.findMany({
        where: {
          workspaceId: ctx.workspaceId,
          assigneeId: ctx.user.id,
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
        overdue: row.dueDate !== null && row.dueDate < today,
      }));
    }),

  addEvidence: workspaceProcedure(ZEvidenceAddInput, 'MEMBER', byItem)
    .output(ZItem)
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(async (tx) => {
        const evidence = await tx.evidenceLink.create({
          data: {
            itemId: input.itemId,
            kind: input.kind,
            url: input.url,
            label: input.label,
            createdById: ctx.user.id,
          },
        });
        const item = await readItem(tx, input.itemId);
        await recordActivity(tx, {
          workspaceId: ctx.workspaceId,
          projectId: item.projectId,
          actorId: ctx.user.id,
          action: 'evidence.added',
          entityType: 'evidence',
          entityId: evidence.id,
          after: { itemId: item.id, kind: input.kind, url: input.url, label: input.label },
        });
        return item;
      }),
    ),

  removeEvidence: workspaceProcedure(ZEvidenceRef, 'MEMBER', (input) => ({
    kind: 'evidence',
    id: input.evidenceId,
  }))
    .output(ZItem)
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(async (tx) => {
        const evidence = await tx.evidenceLink.findUnique({ where: { id: input.evidenceId } });
        if (!evidence) throw notFound('Evidence link');
        await tx.evidenceLink.delete({ where: { id: evidence.id } });
        const item = await readItem(tx, evidence.itemId);
        await recordActivity(tx, {
          workspaceId: ctx.workspaceId,
          projectId: item.projectId,
          actorId: ctx.user.id,
          action: 'evidence.removed',
          entityType: 'evidence',
          entityId: evidence.id,
          before: {
            itemId: item.id,
            kind: evidence.kind,
            url: evidence.url,
            label: evidence.label,
          },
        });
        return item;
      }),
    ),
});

async function listItems(db: Db, input: z.infer<typeof ZItemListInput>) {
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
    orderBy: [{ stage: { position: 'asc' } }, { depth: 'asc' }, { position: 'asc' }, { id: 'asc' }],
    ...pageArgs(input),
  });
  return toPage(rows, input.limit, toItem);
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
function itemChange(before: z.infer<typeof ZItem>, data: Record<string, unknown>) {
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
