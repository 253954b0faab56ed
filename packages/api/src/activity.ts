import type { Prisma } from '@shipshape/db';

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
