import type { ActorArgs, Audit } from '../actor';

/** Deletes the workspace and everything in it. */
export async function deleteWorkspace({
  db,
  actor,
  audit,
}: ActorArgs & {
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
