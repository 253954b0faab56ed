import type { Prisma } from '@shipshape/db';
import type { TProject } from '@shipshape/domain';
import type { RecordedRows } from '../recorded-change';

/** The columns a project answer needs; shared by every project procedure. */
export const projectSelect = {
  id: true,
  workspaceId: true,
  name: true,
  slug: true,
  description: true,
  phase: true,
  approach: true,
  inference: true,
  archived: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  template: { select: { id: true, name: true, versionLabel: true } },
  currentStage: { select: { key: true } },
} satisfies Prisma.ProjectSelect;

export type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof projectSelect }>;

export function toProject(row: ProjectRow): TProject {
  const { currentStage, ...rest } = row;
  return { ...rest, currentStageKey: currentStage?.key ?? null };
}

/** One project as the API returns it; `db` may be a transaction. */
export async function readProject(
  db: Prisma.TransactionClient,
  projectId: string,
): Promise<TProject> {
  return toProject(
    await db.project.findUniqueOrThrow({ where: { id: projectId }, select: projectSelect }),
  );
}

/** Projects as members change them: on the version they read, logged in the activity. */
export const projectRows: RecordedRows<TProject, Prisma.ProjectUncheckedUpdateManyInput> = {
  entity: 'project',
  entityType: 'project',
  table: (tx) => tx.project,
  read: readProject,
  projectOf: (project) => project.id,
};
