import type { Db } from '@shipshape/db';
import type { ZWorkspace, ZWorkspaceUpdateInput } from '@shipshape/domain';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { Actor } from '../actor';
import { updateIfVersion } from '../versioned-update';
import { workspaceFields } from './workspace-view';

/** Renames or redescribes the workspace, on the version the caller read. */
export async function updateWorkspace({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Pick<Actor, 'id' | 'workspaceId' | 'role'>;
  input: z.infer<typeof ZWorkspaceUpdateInput>;
}): Promise<z.infer<typeof ZWorkspace>> {
  return db.$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: actor.workspaceId },
      select: workspaceFields,
    });
    await updateIfVersion(
      tx.workspace,
      {
        id: actor.workspaceId,
        expectedVersion: input.expectedVersion,
        data: {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
        },
        entity: 'workspace',
      },
      async () => ({ ...before, role: actor.role }),
    );
    const after = await tx.workspace.findUniqueOrThrow({
      where: { id: actor.workspaceId },
      select: workspaceFields,
    });
    await recordActivity(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.id,
      action: 'workspace.updated',
      entityType: 'workspace',
      entityId: actor.workspaceId,
      before,
      after,
    });
    return { ...after, role: actor.role };
  });
}
