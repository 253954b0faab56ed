// A valid project document with one value anywhere in it replaced by something
// hostile or of the wrong type: the import either takes it (the value was
// acceptable) or answers 400 and writes nothing; never a 5xx.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TProjectDocumentJson } from '@shipshape/domain';
import { useTestServer } from '../../support/server';
import { exportJson, richProject, type RichProject } from '../../support/transfer';

const server = useTestServer();
let source: RichProject;
let original: TProjectDocumentJson;
let targetId: string;

beforeAll(async () => {
  source = await richProject(server.current, { owner: 'olivia.fuzz@ex.test' });
  original = await exportJson(source.owner.client, source.projectId);
  targetId = (await source.owner.client.ok('workspace.create', { name: 'Fuzz target' })).id;
}, 60_000);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place in a JSON value: the path of keys and indexes that leads there. */
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const here = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (value !== null && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  }
  return here;
}

const hostile = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    -1,
    0,
    1.7e308,
    5e-324,
    '',
    ' ',
    '\u0000',
    '0000-01-01',
    '9999-12-31T23:59:59Z',
    'x'.repeat(100_001),
    [],
    {},
    [[[[[[[[[[[[[[1]]]]]]]]]]]]]],
    { __proto__: { polluted: true } } as unknown as Json,
    'NOT_APPLICABLE',
    'javascript:alert(1)',
  ),
  fc.string({ maxLength: 50 }),
  fc.double(),
  fc.integer(),
);

async function projectRows() {
  const db = server.current.database.db;
  return [
    await db.project.count(),
    await db.projectItem.count(),
    await db.checklistTemplate.count(),
  ];
}

describe('[transfer][fuzz] one hostile value anywhere in a project document', () => {
  it('is imported whole or refused with a 400 that writes nothing', async () => {
    const places = paths(original as unknown as Json);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: places.length - 1 }),
        hostile,
        fc.boolean(),
        async (index, value, remove) => {
          const document = structuredClone(original) as unknown as Json;
          const path = places[index]!;
          let parent = document as Record<string | number, Json>;
          for (const key of path.slice(0, -1))
            parent = parent[key] as Record<string | number, Json>;
          const last = path[path.length - 1]!;
          if (remove && !Array.isArray(parent)) delete parent[last];
          else parent[last] = value;
          const before = await projectRows();
          const result = await source.owner.client.callRaw('project.import', {
            workspaceId: targetId,
            document: JSON.stringify(document),
          });
          statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
          expect([200, 400], `${path.join('.')} → ${JSON.stringify(result.error)}`).toContain(
            result.status,
          );
          if (result.status === 400) expect(await projectRows()).toEqual(before);
        },
      ),
      { numRuns: 200, seed: 20261129 },
    );
    console.log(`document fuzz: statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  }, 240_000);
});
