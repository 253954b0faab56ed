import type { Db } from '@shipshape/db';
import type { ZProjectListInput } from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { pageArgs, toPage } from '../pagination';
import { projectSelect, readProject, toProject } from './project-view';

/** The workspace's projects (active or archived), by name, optionally searched. */
export async function listProjects({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZProjectListInput>, 'workspaceId'>) {
  const rows = await db.project.findMany({
    where: {
      workspaceId: actor.workspaceId,
      archived: input.archived,
      ...(input.search ? { name: { contains: input.search, mode: 'insensitive' as const } } : {}),
    },
    select: projectSelect,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    ...pageArgs(input),
  });
  return toPage(rows, input.limit, toProject);
}

export function getProject({ db, input }: { db: Db; input: { projectId: string } }) {
  return readProject(db, input.projectId);
}
