import {
  ZKpi,
  ZKpiArchiveInput,
  ZKpiCreateInput,
  ZKpiListInput,
  ZKpiRecordInput,
  ZKpiRecordBatchInput,
  ZKpiRecordManyInput,
  ZKpiRef,
  ZKpiSeries,
  ZKpiSeriesInput,
  ZKpiUpdateInput,
} from '@shipshape/domain';
import { z } from 'zod';
import { byKpi, byProject } from '../access';
import { member } from '../actor';
import { createKpi } from '../kpis/create-kpi';
import { getKpi } from '../kpis/get-kpi';
import { getKpiSeries, listProjectKpis } from '../kpis/list-kpis';
import {
  recordMeasurement,
  recordMeasurementBatch,
  recordMeasurements,
} from '../kpis/record-measurements';
import { archiveKpi, updateKpi } from '../kpis/update-kpi';
import { router, workspaceProcedure } from '../trpc';
import { outputOnce } from '../validated-output';

export const kpiRouter = router({
  create: workspaceProcedure(ZKpiCreateInput, 'MEMBER', byProject)
    .output(ZKpi)
    .mutation(({ ctx, input }) => createKpi({ ...member(ctx), input })),

  update: workspaceProcedure(ZKpiUpdateInput, 'MEMBER', byKpi)
    .output(ZKpi)
    .mutation(({ ctx, input }) => updateKpi({ ...member(ctx), input })),

  archive: workspaceProcedure(ZKpiArchiveInput, 'MEMBER', byKpi)
    .output(ZKpi)
    .mutation(({ ctx, input }) => archiveKpi({ ...member(ctx), input })),

  get: workspaceProcedure(ZKpiRef, 'VIEWER', byKpi)
    .output(ZKpi)
    .query(({ ctx, input }) => getKpi({ db: ctx.db, input })),

  /** Each KPI with its latest value, change vs baseline, progress to target and on-track flag. */
  list: workspaceProcedure(ZKpiListInput, 'VIEWER', byProject)
    .output(outputOnce(z.array(ZKpi)))
    .query(({ ctx, input }) => listProjectKpis({ ...member(ctx), input })),

  record: workspaceProcedure(ZKpiRecordInput, 'MEMBER', byKpi)
    .output(ZKpi)
    .mutation(({ ctx, input }) => recordMeasurement({ ...member(ctx), input })),

  /** CSV of up to 10 000 points, stored all together or not at all. */
  recordMany: workspaceProcedure(ZKpiRecordManyInput, 'MEMBER', byKpi)
    .output(z.object({ recorded: z.number().int(), kpi: ZKpi }))
    .mutation(({ ctx, input }) => recordMeasurements({ ...member(ctx), input })),

  /** Up to 10 000 points as JSON, stored all together or not at all. */
  recordBatch: workspaceProcedure(ZKpiRecordBatchInput, 'MEMBER', byKpi)
    .output(z.object({ recorded: z.number().int(), kpi: ZKpi }))
    .mutation(({ ctx, input }) => recordMeasurementBatch({ ...member(ctx), input })),

  /** Points for a chart: raw when few, else min/max/avg per time bucket (at most maxPoints). */
  series: workspaceProcedure(ZKpiSeriesInput, 'VIEWER', byKpi)
    .output(outputOnce(ZKpiSeries))
    .query(({ ctx, input }) => getKpiSeries({ ...member(ctx), input })),
});
