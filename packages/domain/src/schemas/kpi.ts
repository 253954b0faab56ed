import { z } from 'zod';
import { kpiValueProblem } from '../kpi/measurement-value';
import { ZId, ZInstant, ZUserText, ZVersionedRef } from './common';
import { ZKpiDirection, ZKpiKind } from './enums';

export { ZKpiDirection, ZKpiKind };
/** A value, baseline or target: see `KPI_VALUE_LIMITS`. */
const ZKpiValue = z.number().check((ctx) => {
  const problem = kpiValueProblem(ctx.value);
  if (problem !== null) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});
const ZKpiName = ZUserText(200, { min: 1 });
const ZUnit = ZUserText(40);
const ZStageKey = ZUserText(120, { min: 1, trim: false });

export const ZKpiCreateInput = z.strictObject({
  projectId: ZId,
  stageKey: ZStageKey.optional(),
  name: ZKpiName,
  kind: ZKpiKind,
  unit: ZUnit,
  direction: ZKpiDirection,
  baseline: ZKpiValue.optional(),
  target: ZKpiValue.optional(),
});

export const ZKpiUpdateInput = ZVersionedRef('kpiId').extend({
  stageKey: ZStageKey.nullable().optional(),
  name: ZKpiName.optional(),
  kind: ZKpiKind.optional(),
  unit: ZUnit.optional(),
  direction: ZKpiDirection.optional(),
  baseline: ZKpiValue.nullable().optional(),
  target: ZKpiValue.nullable().optional(),
});

export const ZKpiArchiveInput = ZVersionedRef('kpiId');
export const ZKpiRef = z.strictObject({ kpiId: ZId });
export const ZKpiListInput = z.strictObject({
  projectId: ZId,
  includeArchived: z.boolean().default(false),
});

export const ZKpiRecordInput = z.strictObject({
  kpiId: ZId,
  value: ZKpiValue,
  recordedAt: ZInstant.optional(),
  note: ZUserText(1000).optional(),
});

export const ZKpiRecordManyInput = z.strictObject({
  kpiId: ZId,
  /** CSV: value[,recordedAt[,note]] or a header row naming those columns. */
  csv: z.string().min(1, 'is required').max(2_000_000, 'must be at most 2 MB'),
});

/** Up to 10 000 measurements as JSON (the REST bulk route), stored all together or not at all. */
export const ZKpiRecordBatchInput = z.strictObject({
  kpiId: ZId,
  measurements: z
    .array(ZKpiRecordInput.omit({ kpiId: true }))
    .min(1, 'needs at least one measurement')
    .max(10_000, 'at most 10 000 measurements at once'),
});

export const ZKpiSeriesInput = z.strictObject({
  kpiId: ZId,
  from: ZInstant.optional(),
  to: ZInstant.optional(),
  maxPoints: z.number().int().min(10).max(2000).default(500),
});

export const ZKpi = z.object({
  id: ZId,
  projectId: ZId,
  stageKey: z.string().nullable(),
  name: z.string(),
  kind: ZKpiKind,
  unit: z.string(),
  direction: ZKpiDirection,
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  archived: z.boolean(),
  version: z.number().int(),
  latest: z.number().nullable(),
  latestAt: z.date().nullable(),
  changeVsBaseline: z.number().nullable(),
  changeVsBaselinePercent: z.number().nullable(),
  progressToTarget: z.number().nullable(),
  onTrack: z.boolean().nullable(),
});
export type TKpi = z.infer<typeof ZKpi>;

export const ZKpiSeries = z.object({
  kpiId: ZId,
  bucketMs: z.number().nullable(),
  points: z.array(
    z.object({
      t: z.date(),
      min: z.number(),
      max: z.number(),
      avg: z.number(),
      count: z.number().int(),
    }),
  ),
});
