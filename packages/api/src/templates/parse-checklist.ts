import { ChecklistImportError, type TParsedTemplate } from '@shipshape/domain';
import { TRPCError } from '@trpc/server';
import { LRUCache } from 'lru-cache';
import { ChecklistParseRefused, checklistParser } from '../workers/checklist-parser';

/**
 * Parses a checklist off the event loop (see workers/checklist-parser.ts) and turns every way it
 * can fail on the file into a 4xx whose message is written for the person who uploaded it.
 */
export async function parseChecklistOrExplain(markdown: string): Promise<TParsedTemplate> {
  try {
    return await checklistParser().parse(markdown);
  } catch (error) {
    if (error instanceof ChecklistImportError) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `The checklist cannot be imported: ${error.issues
          .map((issue) =>
            issue.line === undefined ? issue.message : `line ${issue.line}: ${issue.message}`,
          )
          .join('; ')}`,
        cause: error,
      });
    }
    throw refusalAsTrpcError(error);
  }
}

/** A parse the worker's limits stopped, as the 4xx its caller answers; other errors as they are. */
export function refusalAsTrpcError(error: unknown): unknown {
  if (!(error instanceof ChecklistParseRefused)) return error;
  return new TRPCError({
    code: error.reason === 'busy' ? 'TOO_MANY_REQUESTS' : 'BAD_REQUEST',
    message: error.message,
    cause: error,
  });
}

// A stored template never changes (a new version is a new row), so its parse is kept.
const storedParses = new LRUCache<string, Promise<TParsedTemplate>>({ max: 32 });

/**
 * A stored template's checklist, parsed off the event loop once per process. It was checked when
 * imported, so only the worker's limits (busy, time) can refuse it.
 */
export function parseStoredChecklist(template: {
  id: string;
  sourceText: string;
}): Promise<TParsedTemplate> {
  let parse = storedParses.get(template.id);
  if (!parse) {
    parse = parseChecklistOrExplain(template.sourceText);
    storedParses.set(template.id, parse);
    // A refusal (busy) is not the template's fault: try again next time.
    parse.catch(() => storedParses.delete(template.id));
  }
  return parse;
}
