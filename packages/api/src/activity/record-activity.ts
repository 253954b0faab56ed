import type { Prisma } from '@shipshape/db';
import type { User } from '../actor';

type Tx = Pick<Prisma.TransactionClient, 'activityLog'>;

/** Who acted, and in which workspace: a member's actor, or a user joining or creating one. */
export interface ActingIn {
  id: User['id'];
  workspaceId: string;
}

/** What happened, as the activity log keeps it; who did it is the `ActingIn`. */
export interface Activity {
  projectId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Appends to the activity log; call inside the write's own transaction. */
export async function recordActivity(tx: Tx, by: ActingIn, activity: Activity): Promise<void> {
  await tx.activityLog.create({
    data: {
      workspaceId: by.workspaceId,
      projectId: activity.projectId ?? null,
      actorId: by.id,
      action: activity.action,
      entityType: activity.entityType,
      entityId: activity.entityId,
      before: activityJson(activity.before),
      after: activityJson(activity.after),
    },
  });
}

export function activityJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // Dates become ISO strings; BigInts would throw in JSON and never occur here.
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
