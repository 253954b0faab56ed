import type {
  TKpi,
  ZKpiRecordBatchInput,
  ZKpiRecordInput,
  ZKpiRecordManyInput,
} from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { badRequest, badRows } from '../errors';
import { readAndRecord } from '../recorded-change';
import { kpiRows } from './kpi-view';
import { parseMeasurementsCsvOrExplain } from './parse-measurements';

/** One measurement, now or at a given time (at most a day ahead). */
export function recordMeasurement({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZKpiRecordInput>>): Promise<TKpi> {
  return db.$transaction(async (tx) => {
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
        recordedById: actor.id,
      },
    });
    return readAndRecord(tx, actor, kpiRows, {
      id: input.kpiId,
      action: 'kpi.recorded',
      recorded: () => ({
        after: { measurementId: measurement.id, value: input.value, recordedAt },
      }),
    });
  });
}

/** CSV of up to 10 000 points, stored all together or not at all. */
export async function recordMeasurements({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZKpiRecordManyInput>>): Promise<{ recorded: number; kpi: TKpi }> {
  // In the parser's worker thread: a full file is 50–100 ms of CPU.
  const parsed = await parseMeasurementsCsvOrExplain(input.csv);
  if (!parsed.ok) {
    const more = parsed.moreErrors > 0 ? ` (and ${parsed.moreErrors} more)` : '';
    throw badRows(
      `${parsed.errors.length + parsed.moreErrors} row(s) cannot be recorded${more}; nothing was stored.`,
      parsed.errors,
    );
  }
  return storeMeasurements({ db, actor, input: { kpiId: input.kpiId, rows: parsed.rows } });
}

/** Up to 10 000 points as JSON, stored all together or not at all. */
export async function recordMeasurementBatch({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZKpiRecordBatchInput>>): Promise<{ recorded: number; kpi: TKpi }> {
  const latest = Date.now() + 86_400_000;
  const future = input.measurements.flatMap((row, index) =>
    row.recordedAt && row.recordedAt.getTime() > latest
      ? [{ row: index + 1, message: 'recordedAt is more than a day in the future' }]
      : [],
  );
  if (future.length > 0) {
    throw badRows(
      `${future.length} measurement(s) cannot be recorded; nothing was stored.`,
      future,
    );
  }
  return storeMeasurements({ db, actor, input: { kpiId: input.kpiId, rows: input.measurements } });
}

interface MeasurementRow {
  value: number;
  recordedAt?: Date | null | undefined;
  note?: string | null | undefined;
}

function storeMeasurements({
  db,
  actor,
  input,
}: ServiceArgs<{ kpiId: string; rows: MeasurementRow[] }>): Promise<{
  recorded: number;
  kpi: TKpi;
}> {
  return db.$transaction(async (tx) => {
    const now = Date.now();
    // One statement with one JSON parameter: a createMany of 10 000 rows
    // spent over a second of the event loop building its query.
    const rows = input.rows.map((row, index) => ({
      value: row.value,
      // Rows without a time keep their order: a millisecond apart.
      recordedAt: (row.recordedAt ?? new Date(now - (input.rows.length - index))).toISOString(),
      note: row.note ?? null,
    }));
    const count = await tx.$executeRaw`
      insert into kpi_measurements (id, "kpiId", value, "recordedAt", note, "recordedById")
      select gen_random_uuid(), ${input.kpiId}::uuid, r.value, r."recordedAt", r.note, ${actor.id}::uuid
        from json_to_recordset(${JSON.stringify(rows)}::json)
          as r(value float8, "recordedAt" timestamptz, note text)`;
    const kpi = await readAndRecord(tx, actor, kpiRows, {
      id: input.kpiId,
      action: 'kpi.recorded_many',
      recorded: () => ({ after: { count } }),
    });
    return { recorded: count, kpi };
  });
}
