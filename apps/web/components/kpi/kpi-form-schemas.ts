// The KPI page's form schemas. Numbers are read with the domain's own parser,
// so the browser refuses exactly what the API refuses ("1,234", "0x1A", "1e400").
import { parseMeasurementValue } from '@shipshape/domain/kpi/measurement-value';
import { z } from 'zod';
import { dateInputError } from '../../lib/date-input';
import { ZKpiDirection, ZKpiKind } from '../../lib/domain';

/** A typed KPI value, baseline or target: a number, or undefined when left empty. */
const ZKpiNumberText = z.string().transform((text, ctx): number | undefined => {
  if (text.trim() === '') return undefined;
  const parsed = parseMeasurementValue(text);
  if (parsed.ok) return parsed.value;
  // The parser names the cell "value"; the field's label already says which one.
  ctx.addIssue({ code: 'custom', message: parsed.message.replace(/^value /, '') });
  return z.NEVER;
});

export const ZNewKpiForm = z.object({
  name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  kind: ZKpiKind,
  unit: z.string().trim().max(40, 'must be at most 40 characters'),
  direction: ZKpiDirection,
  baseline: ZKpiNumberText,
  target: ZKpiNumberText,
});

export const ZRecordForm = z.object({
  value: ZKpiNumberText.refine((value) => value !== undefined, 'enter a number'),
  /** A `datetime-local` value; empty means now. */
  at: z.string().superRefine((text, ctx) => {
    const problem = dateInputError(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  note: z.string().trim().max(1000, 'must be at most 1000 characters'),
});

export const ZCsvForm = z.object({
  csv: z.string().refine((text) => text.trim() !== '', 'paste at least one row'),
});
