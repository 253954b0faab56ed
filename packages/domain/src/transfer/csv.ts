import Papa from 'papaparse';
import type { TProjectDocument, TTransferItem } from '../schemas/transfer';
import { orderedItems } from './item-order';

/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV injection"): those
 * starting with = + - @, a tab or a carriage return get a leading ' and are
 * quoted. Numbers stay numbers (-3.5 is a value, not a formula). Papa Parse's
 * own default pattern ends in `.*$`, which misses a formula followed by a line
 * break, so the pattern is given here.
 */
export const CSV_FORMULA_START = /^[=+\-@\t\r]/;

function toCsv(fields: string[], data: unknown[][]): string {
  return Papa.unparse(
    { fields, data },
    { escapeFormulae: CSV_FORMULA_START, newline: '\r\n', header: true },
  );
}

const iso = (date: Date | null) => (date ? date.toISOString() : '');

/** Every checklist item of the project, one row each, stage by stage in checklist order. */
export function itemsCsv(document: TProjectDocument): string {
  const fields = [
    'stage',
    'key',
    'parent_key',
    'depth',
    'title',
    'status',
    'not_applicable_reason',
    'assignee_email',
    'assignee_name',
    'due_date',
    'notes',
    'evidence',
    'completed_at',
    'comments',
  ];
  const stageTitle = new Map(document.project.stages.map((s) => [s.key, s.title]));
  const rows = orderedItems(document.project).map(
    ({ item, depth }: { item: TTransferItem; depth: number }) => [
      stageTitle.get(item.stageKey) ?? item.stageKey,
      item.key,
      item.parentKey ?? '',
      depth,
      item.title,
      item.status,
      item.notApplicableReason ?? '',
      item.assignee?.email ?? '',
      item.assignee?.name ?? '',
      item.dueDate ?? '',
      item.notes ?? '',
      item.evidence.map((e) => `${e.label} <${e.url}>`).join('\n'),
      iso(item.completedAt),
      item.comments.length,
    ],
  );
  return toCsv(fields, rows);
}

/** Every measurement of every KPI of the project, KPI by KPI, oldest first. */
export function measurementsCsv(document: TProjectDocument): string {
  const fields = [
    'kpi',
    'kind',
    'unit',
    'direction',
    'recorded_at',
    'value',
    'note',
    'recorded_by',
  ];
  const rows = document.project.kpis.flatMap((kpi) =>
    [...kpi.measurements]
      .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime())
      .map((m) => [
        kpi.name,
        kpi.kind,
        kpi.unit,
        kpi.direction,
        iso(m.recordedAt),
        m.value,
        m.note ?? '',
        m.recordedBy?.email ?? m.recordedBy?.name ?? '',
      ]),
  );
  return toCsv(fields, rows);
}
