import { Prisma, type Db } from '@shipshape/db';
import { activityJson, type ActivityEntry } from '../activity';

// How each writable column is set; constant SQL, values always bound.
const setters: Record<string, (value: unknown) => Prisma.Sql> = {
  status: (v) => Prisma.sql`status = ${v}::"ItemStatus"`,
  notApplicableReason: (v) => Prisma.sql`"notApplicableReason" = ${v}::text`,
  assigneeId: (v) => Prisma.sql`"assigneeId" = ${v}::uuid`,
  dueDate: (v) => Prisma.sql`"dueDate" = ${v}::date`,
  notes: (v) => Prisma.sql`notes = ${v}::text`,
  completedAt: (v) => Prisma.sql`"completedAt" = ${v}::timestamptz`,
  completedById: (v) => Prisma.sql`"completedById" = ${v}::uuid`,
};

/**
 * Writes an item's changed columns if it still has the expected version and
 * appends its activity row, in ONE statement (so one round trip, and atomic
 * without an explicit transaction). False when the version no longer matches:
 * then nothing was written.
 */
export async function updateItemIfVersion(
  db: Db,
  write: {
    itemId: string;
    expectedVersion: number;
    data: Record<string, unknown>;
    updatedAt: Date;
    activity: ActivityEntry;
  },
): Promise<boolean> {
  const sets = Object.entries(write.data)
    .filter(([column]) => column in setters)
    .map(([column, value]) =>
      setters[column]!(value instanceof Date ? value.toISOString() : value),
    );
  const { activity } = write;
  const inserted = await db.$executeRaw`
    WITH updated AS (
      UPDATE project_items
         SET ${Prisma.join([...sets, Prisma.sql`"updatedAt" = ${write.updatedAt.toISOString()}::timestamptz`, Prisma.sql`version = version + 1`], ', ')}
       WHERE id = ${write.itemId}::uuid AND version = ${write.expectedVersion}::int
      RETURNING id
    )
    INSERT INTO activity_log ("workspaceId", "projectId", "actorId", action, "entityType", "entityId", before, after)
    SELECT ${activity.workspaceId}::uuid, ${activity.projectId ?? null}::uuid, ${activity.actorId}::uuid,
           ${activity.action}, ${activity.entityType}, ${activity.entityId},
           ${jsonOrNull(activity.before)}::jsonb, ${jsonOrNull(activity.after)}::jsonb
      FROM updated`;
  return inserted === 1;
}

/** JSON text for a jsonb column, or SQL NULL when there is nothing to record. */
function jsonOrNull(value: unknown): string | null {
  const json = activityJson(value);
  return json === undefined ? null : JSON.stringify(json);
}
