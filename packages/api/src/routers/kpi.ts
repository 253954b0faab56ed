import {
  ZKpi,
  ZKpiArchiveInput,
  ZKpiCreateInput,
  ZKpiListInput,
  ZKpiRecordInput,
  ZKpiRecordManyInput,
  ZKpiSeries,
  ZKpiSeriesInput,
  ZKpiUpdateInput,
  bucketWidthMs,
} from '@shipshape/domain';
import type { Db, Prisma } from '@shipshape/db';
import { z } from 'zod';
import { recordActivity } from '../activity';
import { badRequest, badRows, conflict } from '../errors';
import { listKpis } from '../kpis/kpi-view';
import { parseMeasurementsCsvOrExplain } from '../kpis/parse-measurements';
import { readCache } from '../read-cache';
import { outputOnce } from '../validated-output';
import { router, workspaceProcedure } from '../trpc';
import { byKpi, byProject } from '../access';

async function readKpi(tx: Prisma.TransactionClient, kpiId: string) {
  const [kpi] = await listKpis(tx, { id: kpiId });
  if (!kpi) throw new Error(`KPI ${kpiId} vanished inside its transaction`);
  return kpi;
}

async function stageIdFor(
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

export const kpiRouter = router({
  create: workspaceProcedure(ZKpiCreateInput, 'MEMBER', byProject)
    .output(ZKpi)
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(async (tx) => {
        const { projectId, stageKey, ...fields } = input;
        const created = await tx.kpi.create({
          data: {
            ...fields,
            workspaceId: ctx.workspaceId,
            projectId,
            stageId: (await stageIdFor(tx, projectId, stageKey)) ?? null,
            createdById: ctx.user.id,
          },
          select: { id: true },
        });
        const kpi = await readKpi(tx, created.id);
        await recordActivity(tx, {
          workspaceId: ctx.workspaceId,
          projectId,
          actorId: ctx.user.id,
          action: 'kpi.created',
          entityType: 'kpi',
          entityId: kpi.id,
          after: kpi,
        });
        return kpi;
      }),
    ),

  update: workspaceProcedure(ZKpiUpdateInput, 'MEMBER', byKpi)
    .output(ZKpi)
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(async (tx) => {
        const { kpiId, expectedVersion, stageKey, ...fields } = input;
        const before = await readKpi(tx, kpiId);
        const stageId = await stageIdFor(tx, before.projectId, stageKey);
        const written = await tx.kpi.updateMany({
          where: { id: kpiId, version: expectedVersion },
          data: {
            ...fields,
            ...(stageId !== undefined ? { stageId } : {}),
            version: { increment: 1 },
          },
        });
        if (written.count === 0) throw conflict('KPI', before);
        const after = await readKpi(tx, kpiId);
        await recordActivity(tx, {
          workspaceId: ctx.workspaceId,
          projectId: after.projectId,
          actorId: ctx.user.id,
          action: 'kpi.updated',
          entityType: 'kpi',
          entityId: kpiId,
          before,
          after,
        });
        return after;
      }),
    ),

  archive: workspaceProcedure(ZKpiArchiveInput, 'MEMBER', byKpi)
    .output(ZKpi)
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(async (tx) => {
        const before = await readKpi(tx, input.kpiId);
        const written = await tx.kpi.updateMany({
          where: { id: input.kpiId, version: input.expectedVersion },
          data: { archived: true, version: { increment: 1 } },
        });
        if (written.count === 0) throw conflict('KPI', before);
        const after = await readKpi(tx, input.kpiId);
        await recordActivity(tx, {
          workspaceId: ctx.workspaceId,
          projectId: after.projectId,
          actorId: ctx.user.id,
          action: 'kpi.archived',
          entityType: 'kpi',
          entityId: input.kpiId,
          before: { archived: false },
          after: { archived: true },
        });
        return after;
      }),
    ),

  /** Each KPI with its latest value, change vs baseline, progress to target and on-track flag. */
  list: workspaceProcedure(ZKpiListInput, 'VIEWER', byProject)
    .output(outputOnce(z.array(ZKpi)))
    .query(({ ctx, input }) =>
      readCache.read(`kpis:${JSON.stringify(input)}`, ctx.dataVersion, () =>
        listKpis(ctx.db, {
          projectId: input.projectId,
          ...(input.includeArchived ? {} : { archived: false }),
        }),
      ),
    ),

  record: workspaceProcedure(ZKpiRecordInput, 'MEMBER', byKpi)
    .output(ZKpi)
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(async (tx) => {
        const recordedAt = input.recordedAt ?? new Date();
        if (recordedAt.getTime() > Date.now() + 86_400_000) {
          throw badRequest('A measurement cannot be recorded more than a day in the future.');
        }
        const measurement = await tx.kpiMeasurement.create({
          data: {
            kpiId: input.kpiId,
            value: input.value,
            recordedAt,
            note: input.note ?? null,
            recordedById: ctx.user.id,
          },
        });
        const kpi = await readKpi(tx, input.kpiId);
        await recordActivity(tx, {
          workspaceId: ctx.workspaceId,
          projectId: kpi.projectId,
          actorId: ctx.user.id,
          action: 'kpi.recorded',
          entityType: 'kpi',
          entityId: kpi.id,
          after: { measurementId: measurement.id, value: input.value, recordedAt },
        });
        return kpi;
      }),
    ),

  /** CSV of up to 10 000 points, stored all together or not at all. */
  recordMany: workspaceProcedure(ZKpiRecordManyInput, 'MEMBER', byKpi)
    .output(z.object({ recorded: z.number().int(), kpi: ZKpi }))
    .mutation(async ({ ctx, input }) => {
      // In the parser's worker thread: a full file is 50–100 ms of CPU.
      const parsed = await parseMeasurementsCsvOrExplain(input.csv);
      if (!parsed.ok) {
        const more = parsed.moreErrors > 0 ? ` (and ${parsed.moreErrors} more)` : '';
        throw badRows(
          `${parsed.errors.length + parsed.moreErrors} row(s) cannot be recorded${more}; nothing was stored.`,
          parsed.errors,
        );
      }
      return ctx.db.$transaction(async (tx) => {
        const now = Date.now();
        // One statement with one JSON parameter: a createMany of 10 000 rows
        // spent over a second of the event loop building its query.
        const rows = parsed.rows.map((row, index) => ({
          value: row.value,
          // Rows without a time keep their order: a millisecond apart.
          recordedAt: (
            row.recordedAt ?? new Date(now - (parsed.rows.length - index))
          ).toISOString(),
          note: row.note ?? null,
        }));
        const count = await tx.$executeRaw`
          insert into kpi_measurements (id, "kpiId", value, "recordedAt", note, "recordedById")
          select gen_random_uuid(), ${input.kpiId}::uuid, r.value, r."recordedAt", r.note, ${ctx.user.id}::uuid
            from json_to_recordset(${JSON.stringify(rows)}::json)
              as r(value float8, "recordedAt" timestamptz, note text)`;
        const written = { count };
        const kpi = await readKpi(tx, input.kpiId);
        await recordActivity(tx, {
          workspaceId: ctx.workspaceId,
          projectId: kpi.projectId,
          actorId: ctx.user.id,
          action: 'kpi.recorded_many',
          entityType: 'kpi',
          entityId: kpi.id,
          after: { count: written.count },
        });
        return { recorded: written.count, kpi };
      });
    }),

  /** Points for a chart: raw when few, else min/max/avg per time bucket (at most maxPoints). */
  series: workspaceProcedure(ZKpiSeriesInput, 'VIEWER', byKpi)
    .output(outputOnce(ZKpiSeries))
    .query(({ ctx, input }) =>
      readCache.read(`kpi-series:${JSON.stringify(input)}`, ctx.dataVersion, () =>
        kpiSeries(ctx.db, input),
      ),
    ),
});

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
