import type {
  TProject,
  ZProjectArchiveInput,
  ZProjectSetStageInput,
  ZProjectUpdateInput,
} from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { badRequest } from '../errors';
import { changeVersionedRow, recordFields } from '../recorded-change';
import { projectRows } from './project-view';

/** Name, description, phase, approach, inference; the activity keeps both projects whole. */
export function updateProject({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZProjectUpdateInput>>): Promise<TProject> {
  const { projectId, expectedVersion, ...changes } = input;
  return changeVersionedRow(db, actor, projectRows, {
    id: projectId,
    expectedVersion,
    action: 'project.updated',
    data: () => changes,
  });
}

export function archiveProject(args: ServiceArgs<z.infer<typeof ZProjectArchiveInput>>) {
  return setArchived(args, true);
}

export function unarchiveProject(args: ServiceArgs<z.infer<typeof ZProjectArchiveInput>>) {
  return setArchived(args, false);
}

/** Moves the project to another of its stages. */
export async function setProjectStage({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZProjectSetStageInput>>): Promise<TProject> {
  const stage = await db.projectStage.findUnique({
    where: { projectId_key: { projectId: input.projectId, key: input.stageKey } },
    select: { id: true },
  });
  if (!stage) throw badRequest(`This project has no stage "${input.stageKey}".`);
  return changeVersionedRow(db, actor, projectRows, {
    id: input.projectId,
    expectedVersion: input.expectedVersion,
    action: 'project.stage_changed',
    data: () => ({ currentStageId: stage.id }),
    recorded: recordFields('currentStageKey'),
  });
}

function setArchived(
  { db, actor, input }: ServiceArgs<z.infer<typeof ZProjectArchiveInput>>,
  archived: boolean,
): Promise<TProject> {
  return changeVersionedRow(db, actor, projectRows, {
    id: input.projectId,
    expectedVersion: input.expectedVersion,
    action: archived ? 'project.archived' : 'project.unarchived',
    data: () => ({ archived, archivedAt: archived ? new Date() : null }),
    recorded: recordFields('archived'),
  });
}
