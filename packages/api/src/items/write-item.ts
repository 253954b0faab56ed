import { Prisma, type Db } from '@shipshape/db';
import type { TItem } from '@shipshape/domain';
import type { ActingIn } from '../activity/record-activity';
import { updateIfVersion } from '../versioned-update';
import { readItem, toItem, type ItemRow } from './item-view';

// Each writable column: how it is set (constant SQL, values always bound) and
// how the activity log records its value (due dates as YYYY-MM-DD, instants as
// ISO strings: what JSON.stringify would have written).
const columns: Record<
  string,
  { set: (value: unknown) => Prisma.Sql; logged: (row: string) => string }
> = {
  status: {
    set: (v) => Prisma.sql`status = ${v}::"ItemStatus"`,
    logged: (t) => `${t}.status::text`,
  },
  notApplicableReason: {
    set: (v) => Prisma.sql`"notApplicableReason" = ${v}::text`,
    logged: (t) => `${t}."notApplicableReason"`,
  },
  assigneeId: {
    set: (v) => Prisma.sql`"assigneeId" = ${v}::uuid`,
    logged: (t) => `${t}."assigneeId"::text`,
  },
  dueDate: {
    set: (v) => Prisma.sql`"dueDate" = ${v}::date`,
    logged: (t) => `to_char(${t}."dueDate", 'YYYY-MM-DD')`,
  },
  notes: { set: (v) => Prisma.sql`notes = ${v}::text`, logged: (t) => `${t}.notes` },
  completedAt: {
    set: (v) => Prisma.sql`"completedAt" = ${v}::timestamptz`,
    logged: (t) =>
      `to_char(${t}."completedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  },
  completedById: {
    set: (v) => Prisma.sql`"completedById" = ${v}::uuid`,
    logged: (t) => `${t}."completedById"::text`,
  },
};

/** `{"column": value}` of the columns whose value differs between `was` and `now`, as `side` had them. */
function changedJson(keys: string[], side: 'was' | 'now'): Prisma.Sql {
  if (keys.length === 0) return Prisma.sql`'{}'::jsonb`;
  const parts = keys.map((key) => {
    const at = columns[key]!.logged;
    return Prisma.raw(
      `CASE WHEN ${at('was')} IS DISTINCT FROM ${at('now')}
            THEN jsonb_build_object('${key}', ${at(side)}) ELSE '{}'::jsonb END`,
    );
  });
  return Prisma.sql`'{}'::jsonb || ${Prisma.join(parts, ' || ')}`;
}

interface WrittenRow extends Omit<
  ItemRow,
  'stage' | 'assignee' | 'completedBy' | 'evidence' | '_count'
> {
  stageKey: string;
  assigneeName: string | null;
  assigneeId: string | null;
  completedByName: string | null;
  completedById: string | null;
  evidence: Array<Omit<ItemRow['evidence'][number], 'createdAt'> & { createdAt: string }>;
  commentCount: number;
}

interface ItemWrite {
  itemId: string;
  expectedVersion: number;
  data: Record<string, unknown>;
  updatedAt: Date;
  actor: ActingIn;
}

/**
 * An item update, for `writeIfVersion`: in ONE statement (one round trip,
 * atomic without an explicit transaction) writes the item's columns in `data`
 * if it still has the expected version, appends its activity row (the changed
 * columns as they were and became), and answers the item as `item.get` would.
 * Null when the version no longer matches: nothing was written.
 */
export async function writeItemIfVersion(db: Db, write: ItemWrite): Promise<TItem | null> {
  const rows = await db.$queryRaw<WrittenRow[]>(itemWriteSql(write));
  const row = rows[0];
  return row ? toItem(itemRowOf(row)) : null;
}

/** The statement of `writeItemIfVersion` (exported for the benchmark's bare `pg` route). */
export function itemWriteSql(write: ItemWrite): Prisma.Sql {
  const keys = Object.keys(write.data).filter((key) => key in columns);
  const sets = keys.map((key) => {
    const value = write.data[key];
    return columns[key]!.set(value instanceof Date ? value.toISOString() : value);
  });
  // `was` is the row in this statement's snapshot; the UPDATE re-checks the
  // version on the row as committed, so `was` is exactly what it overwrote.
  return Prisma.sql`
    WITH was AS (
      SELECT * FROM project_items WHERE id = ${write.itemId}::uuid AND version = ${write.expectedVersion}::int
    ), now AS (
      UPDATE project_items p
         SET ${Prisma.join([...sets, Prisma.sql`"updatedAt" = ${write.updatedAt.toISOString()}::timestamptz`, Prisma.sql`version = p.version + 1`], ', ')}
        FROM was
       WHERE p.id = was.id AND p.version = ${write.expectedVersion}::int
      RETURNING p.*
    ), logged AS (
      INSERT INTO activity_log ("workspaceId", "projectId", "actorId", action, "entityType", "entityId", before, after)
      SELECT ${write.actor.workspaceId}::uuid, now."projectId", ${write.actor.id}::uuid,
             'item.updated', 'item', now.id::text,
             ${changedJson(keys, 'was')}, ${changedJson(keys, 'now')}
        FROM now JOIN was ON was.id = now.id
    )
    SELECT now.id, now."projectId", now."parentId", now."templateItemId", now.key, now.position,
           now.depth, now.title, now."bodyMarkdown", now.links, now."toolOptions", now."isCustom",
           now."removedFromTemplate", now.status::text AS status, now."notApplicableReason",
           now."dueDate", now.notes, now."completedAt", now.version, now."updatedAt",
           s.key AS "stageKey", now."assigneeId", a.name AS "assigneeName",
           now."completedById", c.name AS "completedByName",
           COALESCE((SELECT jsonb_agg(jsonb_build_object('id', e.id, 'kind', e.kind, 'url', e.url,
                                                         'label', e.label, 'createdAt', e."createdAt")
                                      ORDER BY e."createdAt")
                       FROM evidence_links e WHERE e."itemId" = now.id), '[]'::jsonb) AS evidence,
           (SELECT count(*) FROM comments m WHERE m."itemId" = now.id AND m."deletedAt" IS NULL)::int
             AS "commentCount"
      FROM now
      JOIN project_stages s ON s.id = now."stageId"
      LEFT JOIN users a ON a.id = now."assigneeId"
      LEFT JOIN users c ON c.id = now."completedById"`;
}

function itemRowOf(row: WrittenRow): ItemRow {
  const {
    stageKey,
    assigneeId,
    assigneeName,
    completedById,
    completedByName,
    commentCount,
    ...item
  } = row;
  const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
  return {
    ...item,
    stage: { key: stageKey },
    assignee: person(assigneeId, assigneeName),
    completedBy: person(completedById, completedByName),
    evidence: row.evidence.map((e) => ({ ...e, createdAt: new Date(e.createdAt) })),
    _count: { comments: commentCount },
  };
}

/**
 * Claims an item for a change to something it owns (its evidence, its place
 * among its siblings): bumps its version if it still has the one the caller
 * read, else CONFLICT with the item as it is now.
 */
export function bumpItemVersion(
  tx: Prisma.TransactionClient,
  itemId: string,
  expectedVersion: number,
): Promise<void> {
  return updateIfVersion(
    tx.projectItem,
    { id: itemId, expectedVersion, data: {}, entity: 'checklist item' },
    () => readItem(tx, itemId),
  );
}
