// A change to a row and its activity row, written the one way: see
// readAndRecord (the end of any write) and changeVersionedRow (a versioned
// update from start to end).
import type { Db, Prisma } from '@shipshape/db';
import { recordActivity, type ActingIn } from './activity/record-activity';
import { updateIfVersion, type VersionedDelegate } from './versioned-update';

type Tx = Prisma.TransactionClient;

/** A kind of row members change: where it is, how it is read, how its activity is logged. */
export interface RecordedRows<TRow, TData extends object> {
  /** What a CONFLICT calls it: "This KPI was changed by someone else." */
  entity: string;
  /** The activity log's `entityType`. */
  entityType: string;
  table: (tx: Tx) => VersionedDelegate<object, TData & { version: { increment: number } }>;
  /** Only rows that also match this may change (a deleted comment may not). */
  where?: object;
  read: (tx: Tx, id: string) => Promise<TRow>;
  /** The project its activity belongs to; null for the workspace's own rows. */
  projectOf: (row: TRow) => string | null;
}

/** What an activity row keeps of a change: by default, the row as it became. */
type Recorded<TRow> = (row: TRow) => { before?: unknown; after?: unknown };

/**
 * The end of a write: reads the row as it is now and records the activity row
 * about it (inside the write's transaction). Returns the row.
 */
export async function readAndRecord<TRow>(
  tx: Tx,
  actor: ActingIn,
  rows: RecordedRows<TRow, object>,
  change: { id: string; action: string; recorded?: Recorded<TRow> },
): Promise<TRow> {
  const row = await rows.read(tx, change.id);
  await recordActivity(tx, actor, {
    projectId: rows.projectOf(row),
    action: change.action,
    entityType: rows.entityType,
    entityId: change.id,
    ...(change.recorded ?? ((after: TRow) => ({ after })))(row),
  });
  return row;
}

export interface VersionedChange<TRow, TData, TView> {
  id: string;
  expectedVersion: number;
  /** The activity log's action: "kpi.updated", … */
  action: string;
  /** The columns to write, worked out from the row as read; throws to refuse the change. */
  data: (before: TRow, tx: Tx) => TData | Promise<TData>;
  /** What the activity row keeps of the row before and after; by default both whole. */
  recorded?: (before: TRow, after: TRow) => { before?: unknown; after?: unknown };
  /** The row as the API returns it: the answer, and what a CONFLICT carries. */
  view?: (row: TRow) => TView;
}

/**
 * A member's change to one versioned row, start to end: in one transaction,
 * read the row, write `data` if it still has `expectedVersion` (else CONFLICT
 * with the row as it is now), then `readAndRecord`. Returns the changed row.
 */
export function changeVersionedRow<TRow, TData extends object, TView = TRow>(
  db: Db,
  actor: ActingIn,
  rows: RecordedRows<TRow, TData>,
  change: VersionedChange<TRow, TData, TView>,
): Promise<TView> {
  const view = change.view ?? ((row: TRow) => row as unknown as TView);
  const recorded = change.recorded ?? ((before: TRow, after: TRow) => ({ before, after }));
  return db.$transaction(async (tx) => {
    const before = await rows.read(tx, change.id);
    await updateIfVersion(
      rows.table(tx),
      {
        id: change.id,
        expectedVersion: change.expectedVersion,
        data: await change.data(before, tx),
        entity: rows.entity,
        where: rows.where ?? {},
      },
      async () => view(await rows.read(tx, change.id)),
    );
    const after = await readAndRecord(tx, actor, rows, {
      id: change.id,
      action: change.action,
      recorded: (row) => recorded(before, row),
    });
    return view(after);
  });
}

/** A `recorded` that keeps only these fields of the row before and after. */
export function recordFields(...fields: string[]) {
  const pick = (row: object) =>
    Object.fromEntries(fields.map((field) => [field, (row as Record<string, unknown>)[field]]));
  return (before: object, after: object) => ({ before: pick(before), after: pick(after) });
}
