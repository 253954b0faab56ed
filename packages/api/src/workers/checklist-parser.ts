import {
  ChecklistImportError,
  assertImportableText,
  type TMeasurementsCsvResult,
  type TParsedTemplate,
} from '@shipshape/domain';
import { Piscina } from 'piscina';
import type { TParseChecklistResult } from './parse-checklist.worker';

/**
 * Markdown checklists are parsed in a worker thread, never on the event loop that serves every
 * other request: a hostile file once took 89 s of CPU or ran the API out of its 4 GB heap. The
 * cheap structural scan (domain `assertImportableText`) refuses the known costly shapes first, on
 * the calling thread; the worker's wall-clock and heap limits stop whatever still slips through,
 * by terminating the thread. One parse runs at a time (the API has two cores, one is the event
 * loop's) and only a few wait; more are refused as busy rather than queued without bound.
 */
export interface TChecklistParserOptions {
  /** Wall-clock limit of one parse, including its wait for the worker. */
  timeoutMs: number;
  /** Old-generation heap of a worker; exceeding it ends the worker, not the process. */
  maxHeapMb: number;
  maxThreads: number;
  /** Parses allowed to wait for a worker; more are refused as busy. */
  maxQueue: number;
}

export const DEFAULT_CHECKLIST_PARSER_OPTIONS: TChecklistParserOptions = {
  timeoutMs: 5_000,
  maxHeapMb: 256,
  maxThreads: 1,
  maxQueue: 4,
};

/** A parse the limits stopped: the file is too costly, or the parser is busy. */
export class ChecklistParseRefused extends Error {
  constructor(
    readonly reason: 'too-complex' | 'busy',
    message: string,
  ) {
    super(message);
    this.name = 'ChecklistParseRefused';
  }
}

export interface TChecklistParser {
  /** Throws `ChecklistImportError` for bad files, `ChecklistParseRefused` when stopped. */
  parse(markdown: string): Promise<TParsedTemplate>;
  /** A KPI measurements CSV, in the same worker and under the same limits. */
  parseMeasurementsCsv(csv: string): Promise<TMeasurementsCsvResult>;
  close(): Promise<void>;
}

export function createChecklistParser(
  options: TChecklistParserOptions = DEFAULT_CHECKLIST_PARSER_OPTIONS,
): TChecklistParser {
  const pool = new Piscina<string, TParseChecklistResult>({
    filename: new URL('./load-parse-checklist.worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: options.maxThreads,
    // Keeps a warm worker between imports; idle workers do not keep the process alive.
    idleTimeout: 60_000,
    resourceLimits: {
      maxOldGenerationSizeMb: options.maxHeapMb,
      maxYoungGenerationSizeMb: Math.min(32, options.maxHeapMb),
    },
  });
  const seconds = `${options.timeoutMs / 1000} s`;
  // Counted here rather than with Piscina's maxQueue, which does not count tasks waiting for a
  // worker that is still starting.
  let inFlight = 0;

  return {
    async parse(markdown) {
      // Cheap and linear: refuses hostile shapes without occupying the worker.
      assertImportableText(markdown);
      if (inFlight >= options.maxThreads + options.maxQueue) throw busy();
      inFlight++;
      let result: TParseChecklistResult;
      try {
        result = await pool.run(markdown, { signal: AbortSignal.timeout(options.timeoutMs) });
      } catch (error) {
        throw explainStop(error, seconds, options.maxHeapMb);
      } finally {
        inFlight--;
      }
      if (!result.ok) throw new ChecklistImportError(result.issues);
      return result.template;
    },
    async parseMeasurementsCsv(csv) {
      if (inFlight >= options.maxThreads + options.maxQueue) throw busy();
      inFlight++;
      try {
        return (await pool.run(csv, {
          name: 'parseMeasurements',
          signal: AbortSignal.timeout(options.timeoutMs),
        })) as unknown as TMeasurementsCsvResult; // the pool is typed for its default task
      } catch (error) {
        throw explainStop(error, seconds, options.maxHeapMb, 'CSV file');
      } finally {
        inFlight--;
      }
    },
    close: () => pool.close({ force: true }),
  };
}

function explainStop(
  error: unknown,
  seconds: string,
  maxHeapMb: number,
  what = 'checklist',
): unknown {
  if (!(error instanceof Error)) return error;
  if (error.name === 'AbortError') {
    return new ChecklistParseRefused(
      'too-complex',
      `This ${what} is too large or complex to import: parsing did not finish within ${seconds}`,
    );
  }
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new ChecklistParseRefused(
      'too-complex',
      `This ${what} is too large or complex to import: parsing needed more than ${maxHeapMb} MB of memory`,
    );
  }
  return error;
}

function busy(): ChecklistParseRefused {
  return new ChecklistParseRefused(
    'busy',
    'Too many imports are running right now: please try again in a few seconds',
  );
}

let shared: TChecklistParser | undefined;

/** The process-wide parser, created on first use. */
export function checklistParser(): TChecklistParser {
  shared ??= createChecklistParser();
  return shared;
}
