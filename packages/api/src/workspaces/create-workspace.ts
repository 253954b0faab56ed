import { Prisma, type Db } from '@shipshape/db';
import { slugFromName, type ZWorkspace, type ZWorkspaceCreateInput } from '@shipshape/domain';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { User } from '../actor';
import { workspaceFields } from './workspace-view';

/** A new workspace with the caller as its owner; a taken slug gets a number
 * appended, unless the caller chose the slug. */
export async function createWorkspace({
  db,
  user,
  input,
}: {
  db: Db;
  user: Pick<User, 'id'>;
  input: z.infer<typeof ZWorkspaceCreateInput>;
}): Promise<z.infer<typeof ZWorkspace>> {
  const base = input.slug ?? slugFromName(input.name);
  for (let attempt = 0; attempt < 20; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${attempt + 1}`;
    try {
      return await db.$transaction(async (tx) => {
        const workspace = await tx.workspace.create({
          data: {
            name: input.name,
            slug,
            description: input.description ?? null,
            memberships: { create: { userId: user.id, role: 'OWNER' } },
          },
          select: workspaceFields,
        });
        await recordActivity(tx, {
          workspaceId: workspace.id,
          actorId: user.id,
          action: 'workspace.created',
          entityType: 'workspace',
          entityId: workspace.id,
          after: workspace,
        });
        return { ...workspace, role: 'OWNER' as const };
      });
    } catch (error) {
      const slugTaken =
        error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
      if (!slugTaken) throw error;
      if (input.slug) {
        throw new TRPCError({ code: 'CONFLICT', message: `The slug "${slug}" is taken.` });
      }
    }
  }
  throw new TRPCError({ code: 'CONFLICT', message: 'Could not find a free slug; pick one.' });
}
