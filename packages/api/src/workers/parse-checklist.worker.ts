// The tasks run in the parser's worker threads (see checklist-parser.ts). Import
// problems come back as a value: an error crossing the thread boundary loses its `issues`.
import {
  ChecklistImportError,
  MEASUREMENTS_CSV_LIMITS,
  parseChecklistMarkdown,
  parseMeasurementsCsv,
  type TMeasurementsCsvResult,
  type TImportIssue,
  type TParsedTemplate,
} from '@shipshape/domain';

export type TParseChecklistResult =
  { ok: true; template: TParsedTemplate } | { ok: false; issues: TImportIssue[] };

export default function parseChecklist(markdown: string): TParseChecklistResult {
  try {
    return { ok: true, template: parseChecklistMarkdown(markdown) };
  } catch (error) {
    if (error instanceof ChecklistImportError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/** KPI measurements CSV (up to 10 000 rows): 50–100 ms of CPU that no other request should wait for. */
export function parseMeasurements(csv: string): TMeasurementsCsvResult {
  return parseMeasurementsCsv(csv, { maxRows: MEASUREMENTS_CSV_LIMITS.maxRows });
}
