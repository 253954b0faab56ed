import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ChecklistImportError } from '@shipshape/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { ChecklistParseRefused, createChecklistParser } from './checklist-parser';

const seed = readFileSync(
  fileURLToPath(
    new URL('../../../domain/src/checklist/seed/ml-e2e-checklist-v2.md', import.meta.url),
  ),
  'utf8',
);
/** Within every structural limit, but seconds of parsing: only the worker's limits stop it. */
const costly = `- item\n${Array.from({ length: 250 }, () => `  ${'word '.repeat(3990)}`).join('\n')}`;

const parsers: Array<ReturnType<typeof createChecklistParser>> = [];
function parser(options: Partial<Parameters<typeof createChecklistParser>[0]> = {}) {
  const created = createChecklistParser({
    timeoutMs: 20_000,
    maxHeapMb: 256,
    maxThreads: 1,
    maxQueue: 4,
    ...options,
  });
  parsers.push(created);
  return created;
}
afterAll(() => Promise.all(parsers.map((created) => created.close())));

async function refusal(promise: Promise<unknown>): Promise<ChecklistParseRefused> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ChecklistParseRefused);
  return error as ChecklistParseRefused;
}

describe('[templates][parser] checklists are parsed in a worker with limits', () => {
  it('parses the seed in a worker thread, as on the calling thread', async () => {
    const template = await parser().parse(seed);
    expect(template.stages.length).toBeGreaterThan(10);
  }, 30_000);

  it('passes import problems through with their issues', async () => {
    const error = await parser()
      .parse('# Only prose\n')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChecklistImportError);
    expect((error as ChecklistImportError).issues[0]!.message).toContain('no list items');
  }, 30_000);

  it('stops a parse that takes too long and says so', async () => {
    const limited = parser({ timeoutMs: 300 });
    const started = performance.now();
    const error = await refusal(limited.parse(costly));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(error.reason).toBe('too-complex');
    expect(error.message).toBe(
      'This checklist is too large or complex to import: parsing did not finish within 0.3 s',
    );
  }, 30_000);

  it('stops a parse that needs too much memory, without harming this process', async () => {
    const error = await refusal(parser({ maxHeapMb: 16 }).parse(costly));
    expect(error.message).toBe(
      'This checklist is too large or complex to import: parsing needed more than 16 MB of memory',
    );
  }, 30_000);

  it('refuses as busy rather than queueing without bound', async () => {
    const busy = parser({ maxQueue: 1, timeoutMs: 500 });
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => busy.parse(costly)));
    const reasons = results.map((result) =>
      result.status === 'rejected' ? (result.reason as ChecklistParseRefused).reason : 'ok',
    );
    expect(reasons).toContain('busy');
  }, 30_000);

  it('refuses hostile shapes before a worker is involved', async () => {
    const wide = `- item\n\n|${' x |'.repeat(3000)}\n|${'---|'.repeat(3000)}`;
    await expect(parser().parse(wide)).rejects.toThrow('a table has 3000 columns (at most 50)');
  });
});
