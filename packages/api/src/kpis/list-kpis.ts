import type { Db } from '@shipshape/db';
import {
  bucketWidthMs,
  type ZKpiListInput,
  type ZKpiSeries,
  type ZKpiSeriesInput,
} from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { projectReadVersion, readCache } from '../read-cache';
import { listKpis } from './kpi-view';

/** Each KPI of a project with its latest value, change vs baseline, progress and on-track flag. */
export function listProjectKpis({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZKpiListInput>, 'dataVersion' | 'projectVersion'>) {
  return readCache.read(`kpis:${JSON.stringify(input)}`, projectReadVersion(actor), () =>
    listKpis(db, {
      projectId: input.projectId,
      ...(input.includeArchived ? {} : { archived: false }),
    }),
  );
}

/** Points for a chart: raw when few, else min/max/avg per time bucket (at most maxPoints). */
export function getKpiSeries({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZKpiSeriesInput>, 'dataVersion' | 'projectVersion'>) {
  return readCache.read(`kpi-series:${JSON.stringify(input)}`, projectReadVersion(actor), () =>
    kpiSeries(db, input),
  );
}
async function kpiSeries(
  db: Db,
  input: z.infer<typeof ZKpiSeriesInput>,
): Promise<z.infer<typeof ZKpiSeries>> {
  const from = input.from ?? new Date(0);
  const to = input.to ?? new Date(8.64e15);
  const [range] = await db.$queryRaw<Array<{ n: number; first: Date | null; last: Date | null }>>`
        SELECT count(*)::int AS n, min("recordedAt") AS first, max("recordedAt") AS last
          FROM kpi_measurements
         WHERE "kpiId" = ${input.kpiId}::uuid AND "recordedAt" BETWEEN ${from} AND ${to}`;
  if (!range || range.n <= input.maxPoints || !range.first || !range.last) {
    const points = await db.kpiMeasurement.findMany({
      where: { kpiId: input.kpiId, recordedAt: { gte: from, lte: to } },
      select: { recordedAt: true, value: true },
      orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }],
    });
    return {
      kpiId: input.kpiId,
      bucketMs: null,
      points: points
        .filter((p) => Number.isFinite(p.value))
        .map((p) => ({
          t: p.recordedAt,
          min: p.value,
          max: p.value,
          avg: p.value,
          count: 1,
        })),
    };
  }
  const width = bucketWidthMs(range.first.getTime(), range.last.getTime(), input.maxPoints);
  const buckets = await db.$queryRaw<
    Array<{ t: Date; min: number; max: number; avg: number; count: number }>
  >`
        SELECT date_bin(${width} * interval '1 millisecond', "recordedAt", ${range.first}::timestamptz) AS t,
               min(value) AS min, max(value) AS max, avg(value::numeric)::float8 AS avg, count(*)::int AS count
          FROM kpi_measurements
         WHERE "kpiId" = ${input.kpiId}::uuid AND "recordedAt" BETWEEN ${from} AND ${to}
         GROUP BY 1 ORDER BY 1`;
  return {
    kpiId: input.kpiId,
    bucketMs: width,
    points: buckets
      .filter((b) => Number.isFinite(b.min) && Number.isFinite(b.max))
      .map((b) => ({
        ...b,
        avg: Math.min(b.max, Math.max(b.min, Number.isFinite(b.avg) ? b.avg : b.min)),
      })),
  };
}
