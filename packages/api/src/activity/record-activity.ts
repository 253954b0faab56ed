import { Prisma } from '@shipshape/db';

type Tx = Pick<Prisma.TransactionClient, 'activityLog'>;

export interface ActivityEntry {
  workspaceId: string;
  projectId?: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Appends to the activity log; call inside the write's own transaction. */
export async function recordActivity(tx: Tx, entry: ActivityEntry): Promise<void> {
  await tx.activityLog.create({
    data: {
      workspaceId: entry.workspaceId,
      projectId: entry.projectId ?? null,
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: activityJson(entry.before),
      after: activityJson(entry.after),
    },
  });
}

export function activityJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // Dates become ISO strings; BigInts would throw in JSON and never occur here.
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/**
 * The same row as `recordActivity`, as SQL that inserts it once per row of the
 * CTE `source` (so a write and its activity row can be one statement: the row
 * is recorded only if the write happened).
 */
export function activityInsertSql(entry: ActivityEntry, source: 'updated'): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO activity_log ("workspaceId", "projectId", "actorId", action, "entityType", "entityId", before, after)
    SELECT ${entry.workspaceId}::uuid, ${entry.projectId ?? null}::uuid, ${entry.actorId}::uuid,
           ${entry.action}, ${entry.entityType}, ${entry.entityId},
           ${jsonOrNull(entry.before)}::jsonb, ${jsonOrNull(entry.after)}::jsonb
      FROM ${Prisma.raw(source)}`;
}

/** JSON text for a jsonb column, or SQL NULL when there is nothing to record. */
function jsonOrNull(value: unknown): string | null {
  const json = activityJson(value);
  return json === undefined ? null : JSON.stringify(json);
}
