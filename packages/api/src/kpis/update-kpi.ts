import type { TKpi, ZKpiArchiveInput, ZKpiUpdateInput } from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { changeVersionedRow } from '../recorded-change';
import { stageIdFor } from './create-kpi';
import { kpiRows } from './kpi-view';

/** A KPI's definition, on the version the caller read. */
export function updateKpi({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZKpiUpdateInput>>): Promise<TKpi> {
  const { kpiId, expectedVersion, stageKey, ...fields } = input;
  return changeVersionedRow(db, actor, kpiRows, {
    id: kpiId,
    expectedVersion,
    action: 'kpi.updated',
    data: async (before, tx) => {
      const stageId = await stageIdFor(tx, before.projectId, stageKey);
      return { ...fields, ...(stageId !== undefined ? { stageId } : {}) };
    },
  });
}

export function archiveKpi({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZKpiArchiveInput>>): Promise<TKpi> {
  return changeVersionedRow(db, actor, kpiRows, {
    id: input.kpiId,
    expectedVersion: input.expectedVersion,
    action: 'kpi.archived',
    data: () => ({ archived: true }),
    recorded: () => ({ before: { archived: false }, after: { archived: true } }),
  });
}
