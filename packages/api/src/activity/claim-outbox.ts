import { Prisma } from '@shipshape/db';

/** The queues a trigger on activity_log fills in the writer's transaction. */
export type ActivityOutbox = 'notification_outbox' | 'webhook_outbox';

const activityColumns = {
  id: true,
  workspaceId: true,
  projectId: true,
  actorId: true,
  action: true,
  entityId: true,
  before: true,
  after: true,
  at: true,
} satisfies Prisma.ActivityLogSelect;

export type OutboxActivity = Prisma.ActivityLogGetPayload<{ select: typeof activityColumns }>;

/**
 * Claims up to `batchSize` queued activity rows of an outbox, oldest first,
 * for the calling transaction (FOR UPDATE SKIP LOCKED: several API processes
 * share one queue), and reads them. The caller handles them and deletes the
 * claimed `ids` from the outbox in the same transaction, so a crash before
 * its commit leaves them queued.
 */
export async function claimOutboxActivities(
  tx: Prisma.TransactionClient,
  outbox: ActivityOutbox,
  batchSize: number,
): Promise<{ ids: bigint[]; activities: OutboxActivity[] }> {
  const claimed = await tx.$queryRaw<Array<{ activityId: bigint }>>`
    SELECT "activityId" FROM ${Prisma.raw(outbox)}
     ORDER BY "activityId" LIMIT ${batchSize}
       FOR UPDATE SKIP LOCKED`;
  if (claimed.length === 0) return { ids: [], activities: [] };
  const ids = claimed.map((row) => row.activityId);
  const activities = await tx.activityLog.findMany({
    where: { id: { in: ids } },
    orderBy: { id: 'asc' },
    select: activityColumns,
  });
  return { ids, activities };
}
