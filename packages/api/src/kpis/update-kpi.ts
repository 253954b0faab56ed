import type { TKpi, ZKpiArchiveInput, ZKpiUpdateInput } from '@shipshape/domain';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import { updateIfVersion } from '../versioned-update';
import { stageIdFor, type Params } from './create-kpi';
import { readKpi } from './kpi-view';

/** A KPI's definition, on the version the caller read. */
export function updateKpi({
  db,
  actor,
  input,
}: Params<z.infer<typeof ZKpiUpdateInput>>): Promise<TKpi> {
  return db.$transaction(async (tx) => {
    const { kpiId, expectedVersion, stageKey, ...fields } = input;
    const before = await readKpi(tx, kpiId);
    const stageId = await stageIdFor(tx, before.projectId, stageKey);
    await updateIfVersion(
      tx.kpi,
      {
        id: kpiId,
        expectedVersion,
        data: { ...fields, ...(stageId !== undefined ? { stageId } : {}) },
        entity: 'KPI',
      },
      async () => before,
    );
    const after = await readKpi(tx, kpiId);
    await recordActivity(tx, {
      workspaceId: actor.workspaceId,
      projectId: after.projectId,
      actorId: actor.id,
      action: 'kpi.updated',
      entityType: 'kpi',
      entityId: kpiId,
      before,
      after,
    });
    return after;
  });
}

export function archiveKpi({
  db,
  actor,
  input,
}: Params<z.infer<typeof ZKpiArchiveInput>>): Promise<TKpi> {
  return db.$transaction(async (tx) => {
    const before = await readKpi(tx, input.kpiId);
    await updateIfVersion(
      tx.kpi,
      {
        id: input.kpiId,
        expectedVersion: input.expectedVersion,
        data: { archived: true },
        entity: 'KPI',
      },
      async () => before,
    );
    const after = await readKpi(tx, input.kpiId);
    await recordActivity(tx, {
      workspaceId: actor.workspaceId,
      projectId: after.projectId,
      actorId: actor.id,
      action: 'kpi.archived',
      entityType: 'kpi',
      entityId: input.kpiId,
      before: { archived: false },
      after: { archived: true },
    });
    return after;
  });
}
