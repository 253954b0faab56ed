import type { Db } from '@shipshape/db';
import type { Actor, Audit } from '../actor';

/** Deletes the workspace and everything in it. */
export async function deleteWorkspace({
  db,
  actor,
  audit,
}: {
  db: Db;
  actor: Pick<Actor, 'id' | 'workspaceId'>;
  audit: Audit;
}): Promise<{ ok: true }> {
  await db.workspace.delete({ where: { id: actor.workspaceId } });
  audit('member.removed', {
    outcome: 'success',
    userId: actor.id,
    workspaceId: actor.workspaceId,
    reason: 'workspace-deleted',
  });
  return { ok: true };
}
