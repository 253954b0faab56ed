import type { TActivityListInput, TActivityPage } from '@shipshape/domain';
import { assertProjectInWorkspace } from '../access';
import type { ServiceArgs } from '../actor';
import { readActivityEntries, seesActivityDetails } from './activity-entries';

/** Who did what, when, newest first; cursor = the last entry's id. Each entry
 * carries the names a sentence needs (see readActivityEntries): one query per page. */
export async function listActivity({
  db,
  actor,
  input,
}: ServiceArgs<TActivityListInput, 'workspaceId' | 'role'>): Promise<TActivityPage> {
  await assertProjectInWorkspace(db, actor.workspaceId, input.projectId);
  const entries = await readActivityEntries(db, seesActivityDetails(actor.role), {
    workspaceId: actor.workspaceId,
    ...(input.projectId ? { projectId: input.projectId } : {}),
    ...(input.cursor ? { beforeId: BigInt(input.cursor) } : {}),
    limit: input.limit + 1,
  });
  const page = entries.slice(0, input.limit);
  return {
    items: page,
    nextCursor: entries.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
