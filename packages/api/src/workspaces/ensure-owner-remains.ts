import type { Prisma } from '@shipshape/db';
import { TRPCError } from '@trpc/server';

/**
 * Refuses to let the workspace lose its last owner. Locks the owner rows so
 * two owners demoting each other at the same moment cannot both succeed.
 */
export async function ensureOwnerRemains(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  leavingOwnerId: string,
): Promise<void> {
  const owners = await tx.$queryRaw<Array<{ userId: string }>>`
    SELECT "userId" FROM memberships
     WHERE "workspaceId" = ${workspaceId}::uuid AND role = 'OWNER'
     FOR UPDATE`;
  if (!owners.some((owner) => owner.userId !== leavingOwnerId)) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'A workspace needs at least one owner. Make someone else an owner first.',
    });
  }
}
