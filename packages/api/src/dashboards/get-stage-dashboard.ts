import type { Db } from '@shipshape/db';
import type { ZStageDashboardInput } from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { badRequest } from '../errors';
import { itemSelect, toItem } from '../items/item-view';
import { listKpis } from '../kpis/kpi-view';
import { readProject } from '../projects/project-view';
import { projectReadVersion, readCache } from '../read-cache';
import { lessonBriefSelect } from './dashboard-view';
import { stageProgress } from './stage-progress';

/** One stage: its progress, its items (a tree by parentId), KPIs and lessons;
 * cached until the workspace changes. */
export function getStageDashboard({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZStageDashboardInput>, 'dataVersion' | 'projectVersion'>) {
  return readCache.read(
    `stage:${input.projectId}:${input.stageKey}`,
    projectReadVersion(actor),
    () => stageDashboard(db, input.projectId, input.stageKey),
  );
}

async function stageDashboard(db: Db, projectId: string, stageKey: string) {
  const project = await readProject(db, projectId);
  const [stages, items, kpis, lessons] = await Promise.all([
    stageProgress(db, projectId, project.currentStageKey, stageKey),
    db.projectItem.findMany({
      where: { projectId: projectId, stage: { key: stageKey } },
      select: itemSelect,
      orderBy: [{ depth: 'asc' }, { position: 'asc' }, { id: 'asc' }],
    }),
    listKpis(db, {
      projectId: projectId,
      archived: false,
      stage: { key: stageKey },
    }),
    db.lesson.findMany({
      where: { projectId: projectId, stageKey: stageKey, deletedAt: null },
      select: lessonBriefSelect,
      orderBy: { createdAt: 'desc' },
      take: 20,
    }),
  ]);
  const stage = stages[0];
  if (!stage) throw badRequest(`This project has no stage "${stageKey}".`);
  return { project, stage, items: items.map(toItem), kpis, lessons };
}
