import type { TReadDocumentResult, TTransferKind } from '@shipshape/domain';
import { TRPCError } from '@trpc/server';
import { Piscina } from 'piscina';

/**
 * Export documents (up to 5 MB of JSON) are parsed and validated in a worker
 * thread, as checklists are (see checklist-parser.ts): `JSON.parse` and the
 * schema of a large document take a second of CPU no other request should wait
 * for, and the wall-clock and heap limits stop a hostile one by ending the
 * thread. One read runs at a time and a few wait; more are refused as busy.
 */
const LIMITS = { timeoutMs: 15_000, maxHeapMb: 512, maxQueue: 2 };

let pool: Piscina | undefined;
let inFlight = 0;

function workerPool(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./load-read-document.worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: LIMITS.maxHeapMb, maxYoungGenerationSizeMb: 32 },
  });
  return pool;
}

/** Reads a document off the event loop; every way it can fail is a 4xx with a message for a person. */
export async function readDocumentOrExplain<K extends TTransferKind>(
  text: string,
  kind: K,
): Promise<Extract<TReadDocumentResult<K>, { ok: true }>['document']> {
  // Cheap refusals first, on this thread: no worker is occupied by them.
  if (text.trimStart()[0] !== '{') {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'The document is not a JSON object.' });
  }
  if (inFlight >= 1 + LIMITS.maxQueue) {
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many imports are running right now: please try again in a few seconds.',
    });
  }
  inFlight++;
  let result: TReadDocumentResult<K>;
  try {
    result = (await workerPool().run(
      { text, kind },
      { signal: AbortSignal.timeout(LIMITS.timeoutMs) },
    )) as TReadDocumentResult<K>;
  } catch (error) {
    throw explainStop(error);
  } finally {
    inFlight--;
  }
  if (!result.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: result.message });
  return result.document;
}

function explainStop(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const tooLarge = 'The document is too large or complex to import';
  if (error.name === 'AbortError') {
    return new TRPCError({
      code: 'BAD_REQUEST',
      message: `${tooLarge}: reading it did not finish within ${LIMITS.timeoutMs / 1000} s.`,
    });
  }
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new TRPCError({
      code: 'BAD_REQUEST',
      message: `${tooLarge}: reading it needed more than ${LIMITS.maxHeapMb} MB of memory.`,
    });
  }
  return error;
}
