import type { Db } from '@shipshape/db';
import { slugFromName, type ZWorkspace, type ZWorkspaceCreateInput } from '@shipshape/domain';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { User } from '../actor';
import { withFreeSlug } from '../free-slug';
import { workspaceFields } from './workspace-view';

/** A new workspace with the caller as its owner; a taken slug gets a number
 * appended, unless the caller chose the slug. */
export function createWorkspace({
  db,
  user,
  input,
}: {
  db: Db;
  user: Pick<User, 'id'>;
  input: z.infer<typeof ZWorkspaceCreateInput>;
}): Promise<z.infer<typeof ZWorkspace>> {
  const slugOptions = {
    chosen: Boolean(input.slug),
    exhausted: 'Could not find a free slug; pick one.',
  };
  return withFreeSlug(input.slug ?? slugFromName(input.name), slugOptions, (slug) =>
    db.$transaction(async (tx) => {
      const workspace = await tx.workspace.create({
        data: {
          name: input.name,
          slug,
          description: input.description ?? null,
          memberships: { create: { userId: user.id, role: 'OWNER' } },
        },
        select: workspaceFields,
      });
      const owner = { id: user.id, workspaceId: workspace.id };
      await recordActivity(tx, owner, {
        action: 'workspace.created',
        entityType: 'workspace',
        entityId: workspace.id,
        after: workspace,
      });
      return { ...workspace, role: 'OWNER' as const };
    }),
  );
}
