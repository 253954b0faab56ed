import { Prisma, type Db } from '@shipshape/db';
import { activityInsertSql, type ActingIn, type Activity } from '../activity/record-activity';
import { updateIfVersion } from '../versioned-update';
import { readItem } from './item-view';

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
 * The fast path of an item update, for `writeIfVersion`: writes the item's
 * changed columns if it still has the expected version and appends its
 * activity row, in ONE statement (one round trip, atomic without an explicit
 * transaction). False when the version no longer matches: nothing was written.
 */
export async function updateItemIfVersion(
  db: Db,
  write: {
    itemId: string;
    expectedVersion: number;
    data: Record<string, unknown>;
    updatedAt: Date;
    actor: ActingIn;
    activity: Activity;
  },
): Promise<boolean> {
  const sets = Object.entries(write.data)
    .filter(([column]) => column in setters)
    .map(([column, value]) =>
      setters[column]!(value instanceof Date ? value.toISOString() : value),
    );
  const inserted = await db.$executeRaw`
    WITH updated AS (
      UPDATE project_items
         SET ${Prisma.join([...sets, Prisma.sql`"updatedAt" = ${write.updatedAt.toISOString()}::timestamptz`, Prisma.sql`version = version + 1`], ', ')}
       WHERE id = ${write.itemId}::uuid AND version = ${write.expectedVersion}::int
      RETURNING id
    )
    ${activityInsertSql(write.actor, write.activity, 'updated')}`;
  return inserted === 1;
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
