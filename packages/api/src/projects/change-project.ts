import type { Db, Prisma } from '@shipshape/db';
import type {
  TProject,
  ZProjectArchiveInput,
  ZProjectSetStageInput,
  ZProjectUpdateInput,
} from '@shipshape/domain';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { Actor } from '../actor';
import { badRequest } from '../errors';
import { updateIfVersion } from '../versioned-update';
import { readProject } from './project-view';

interface Params<TInput> {
  db: Db;
  actor: Pick<Actor, 'id' | 'workspaceId'>;
  input: TInput;
}

/** Name, description, phase, approach, inference. */
export function updateProject({ db, actor, input }: Params<z.infer<typeof ZProjectUpdateInput>>) {
  const { projectId, expectedVersion, ...changes } = input;
  return changeProject(db, actor, {
    projectId,
    expectedVersion,
    data: changes,
    action: 'project.updated',
  });
}

export function archiveProject(params: Params<z.infer<typeof ZProjectArchiveInput>>) {
  return setArchived(params, true);
}

export function unarchiveProject(params: Params<z.infer<typeof ZProjectArchiveInput>>) {
  return setArchived(params, false);
}

/** Moves the project to another of its stages. */
export async function setProjectStage({
  db,
  actor,
  input,
}: Params<z.infer<typeof ZProjectSetStageInput>>): Promise<TProject> {
  const stage = await db.projectStage.findUnique({
    where: { projectId_key: { projectId: input.projectId, key: input.stageKey } },
    select: { id: true },
  });
  if (!stage) throw badRequest(`This project has no stage "${input.stageKey}".`);
  return changeProject(db, actor, {
    projectId: input.projectId,
    expectedVersion: input.expectedVersion,
    data: { currentStageId: stage.id },
    action: 'project.stage_changed',
    recorded: (project) => ({ currentStageKey: project.currentStageKey }),
  });
}

function setArchived(
  { db, actor, input }: Params<z.infer<typeof ZProjectArchiveInput>>,
  archived: boolean,
) {
  return changeProject(db, actor, {
    ...input,
    data: { archived, archivedAt: archived ? new Date() : null },
    action: archived ? 'project.archived' : 'project.unarchived',
    recorded: (project) => ({ archived: project.archived }),
  });
}

/**
 * The one way a project's own fields change: optimistic on its version, and
 * recorded in the activity log (all of it, or the part `recorded` picks) in
 * the same transaction.
 */
async function changeProject(
  db: Db,
  actor: Pick<Actor, 'id' | 'workspaceId'>,
  change: {
    projectId: string;
    expectedVersion: number;
    data: Prisma.ProjectUncheckedUpdateManyInput;
    action: string;
    recorded?: (project: TProject) => unknown;
  },
): Promise<TProject> {
  const recorded = change.recorded ?? ((project: TProject) => project);
  return db.$transaction(async (tx) => {
    const before = await readProject(tx, change.projectId);
    await updateIfVersion(
      tx.project,
      {
        id: change.projectId,
        expectedVersion: change.expectedVersion,
        data: change.data,
        entity: 'project',
      },
      async () => before,
    );
    const after = await readProject(tx, change.projectId);
    await recordActivity(tx, {
      workspaceId: actor.workspaceId,
      projectId: change.projectId,
      actorId: actor.id,
      action: change.action,
      entityType: 'project',
      entityId: change.projectId,
      before: recorded(before),
      after: recorded(after),
    });
    return after;
  });
}
