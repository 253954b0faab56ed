import type { TMeasurementsCsvResult } from '@shipshape/domain';
import { refusalAsTrpcError } from '../templates/parse-checklist';
import { checklistParser } from '../workers/checklist-parser';

/** Parses a measurements CSV off the event loop; a stopped parse is a 4xx that says why. */
export async function parseMeasurementsCsvOrExplain(csv: string): Promise<TMeasurementsCsvResult> {
  try {
    return await checklistParser().parseMeasurementsCsv(csv);
  } catch (error) {
    throw refusalAsTrpcError(error);
  }
}
