import type { Prisma } from '@shipshape/db';
import type { RecordedRows } from '../recorded-change';

/** A workspace's own fields, as every workspace procedure returns them (with the caller's role). */
export const workspaceFields = {
  id: true,
  name: true,
  slug: true,
  description: true,
  version: true,
} as const;

type WorkspaceRow = Prisma.WorkspaceGetPayload<{ select: typeof workspaceFields }>;

/** The workspace as its admins change it: on the version they read, logged in the activity. */
export const workspaceRows: RecordedRows<WorkspaceRow, Prisma.WorkspaceUncheckedUpdateManyInput> = {
  entity: 'workspace',
  entityType: 'workspace',
  table: (tx) => tx.workspace,
  read: (tx, id) => tx.workspace.findUniqueOrThrow({ where: { id }, select: workspaceFields }),
  projectOf: () => null,
};
