import type { ZWorkspace, ZWorkspaceUpdateInput } from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { changeVersionedRow } from '../recorded-change';
import { workspaceRows } from './workspace-view';

/** Renames or redescribes the workspace, on the version the caller read. */
export function updateWorkspace({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZWorkspaceUpdateInput>, 'id' | 'workspaceId' | 'role'>): Promise<
  z.infer<typeof ZWorkspace>
> {
  return changeVersionedRow(db, actor, workspaceRows, {
    id: actor.workspaceId,
    expectedVersion: input.expectedVersion,
    action: 'workspace.updated',
    data: () => ({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
    }),
    view: (workspace) => ({ ...workspace, role: actor.role }),
  });
}
