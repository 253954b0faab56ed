import type { Db, Prisma } from '@shipshape/db';
import { kpiStatus, type TKpi } from '@shipshape/domain';
import type { RecordedRows } from '../recorded-change';

export const kpiSelect = {
  id: true,
  projectId: true,
  name: true,
  kind: true,
  unit: true,
  direction: true,
  baseline: true,
  target: true,
  archived: true,
  version: true,
  stage: { select: { key: true } },
} satisfies Prisma.KpiSelect;

type KpiRow = Prisma.KpiGetPayload<{ select: typeof kpiSelect }>;

/** The newest measurement of each KPI, in one query over (kpiId, recordedAt). */
export async function latestMeasurements(
  db: Db | Prisma.TransactionClient,
  kpiIds: string[],
): Promise<Map<string, { value: number; recordedAt: Date }>> {
  if (kpiIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ kpiId: string; value: number; recordedAt: Date }>>`
    SELECT DISTINCT ON ("kpiId") "kpiId", value, "recordedAt"
      FROM kpi_measurements
     WHERE "kpiId" = ANY(${kpiIds}::uuid[])
     ORDER BY "kpiId", "recordedAt" DESC, id DESC`;
  return new Map(rows.map((row) => [row.kpiId, { value: row.value, recordedAt: row.recordedAt }]));
}

export function toKpi(row: KpiRow, latest: { value: number; recordedAt: Date } | undefined): TKpi {
  const status = kpiStatus({
    direction: row.direction,
    // Rows stored before values were bounded may hold anything a float8 can.
    baseline: finiteOrNull(row.baseline),
    target: finiteOrNull(row.target),
    latest: latest?.value ?? null,
  });
  return {
    id: row.id,
    projectId: row.projectId,
    stageKey: row.stage?.key ?? null,
    name: row.name,
    kind: row.kind,
    unit: row.unit,
    direction: row.direction,
    // Rows stored before values were bounded may hold anything a float8 can.
    baseline: finiteOrNull(row.baseline),
    target: finiteOrNull(row.target),
    archived: row.archived,
    version: row.version,
    latestAt: latest?.recordedAt ?? null,
    ...status,
  };
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

export async function listKpis(
  db: Db | Prisma.TransactionClient,
  where: Prisma.KpiWhereInput,
): Promise<TKpi[]> {
  const rows = await db.kpi.findMany({
    where,
    select: kpiSelect,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  const latest = await latestMeasurements(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toKpi(row, latest.get(row.id)));
}

/** One KPI as the API returns it; it exists (the caller's locator found it). */
export async function readKpi(tx: Prisma.TransactionClient, kpiId: string): Promise<TKpi> {
  const [kpi] = await listKpis(tx, { id: kpiId });
  if (!kpi) throw new Error(`KPI ${kpiId} vanished inside its transaction`);
  return kpi;
}

/** KPIs as members change them: on the version they read, logged in the activity. */
export const kpiRows: RecordedRows<TKpi, Prisma.KpiUncheckedUpdateManyInput> = {
  entity: 'KPI',
  entityType: 'kpi',
  table: (tx) => tx.kpi,
  read: readKpi,
  projectOf: (kpi) => kpi.projectId,
};
