import type { Prisma } from '@shipshape/db';
import { notFound } from '../errors';

/** A member of the workspace, with who they are; NOT_FOUND for anyone else. */
export async function findMember(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  userId: string,
) {
  const member = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    include: { user: { select: { id: true, name: true, email: true } } },
  });
  if (!member) throw notFound('Member');
  return member;
}
