import type { Prisma } from '@shipshape/db';
import type { TKpi, ZKpiCreateInput } from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { badRequest } from '../errors';
import { readAndRecord } from '../recorded-change';
import { kpiRows } from './kpi-view';

/** The stage a KPI is attached to: undefined leaves it, null detaches it. */
export async function stageIdFor(
  tx: Prisma.TransactionClient,
  projectId: string,
  stageKey: string | null | undefined,
) {
  if (stageKey === undefined) return undefined;
  if (stageKey === null) return null;
  const stage = await tx.projectStage.findUnique({
    where: { projectId_key: { projectId, key: stageKey } },
    select: { id: true },
  });
  if (!stage) throw badRequest(`This project has no stage "${stageKey}".`);
  return stage.id;
}

export function createKpi({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZKpiCreateInput>>): Promise<TKpi> {
  return db.$transaction(async (tx) => {
    const { projectId, stageKey, ...fields } = input;
    const created = await tx.kpi.create({
      data: {
        ...fields,
        workspaceId: actor.workspaceId,
        projectId,
        stageId: (await stageIdFor(tx, projectId, stageKey)) ?? null,
        createdById: actor.id,
      },
      select: { id: true },
    });
    return readAndRecord(tx, actor, kpiRows, { id: created.id, action: 'kpi.created' });
  });
}
