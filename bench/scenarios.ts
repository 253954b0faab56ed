// The tracking API scenarios: each one request to the API (tRPC) and the same
// request to the bare route over `pg` (bench/server.ts) that runs the same SQL.
import type autocannon from 'autocannon';
import type { BenchWorld } from './seed';

export interface Scenario {
  name: string;
  api: autocannon.Request;
  raw: autocannon.Request;
}

function trpcQuery(path: string, input: unknown): autocannon.Request {
  return {
    method: 'GET',
    path: `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
  };
}

function rawQuery(path: string, query: Record<string, string>): autocannon.Request {
  return { method: 'GET', path: `/raw/${path}?${new URLSearchParams(query)}` };
}

/** item.update needs each item's current version: requests walk the items, and
 * responses record the new version, so no request is a conflict. */
function updateRequests(items: Array<{ id: string; version: number }>) {
  const versions = new Map(items.map((item) => [item.id, item.version]));
  let next = 0;
  const make = (
    path: string,
    unwrap: (body: string) => { id: string; version: number },
  ): autocannon.Request => ({
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json' },
    setupRequest: (request) => {
      const item = items[next++ % items.length]!;
      return {
        ...request,
        body: JSON.stringify({
          itemId: item.id,
          expectedVersion: versions.get(item.id),
          notes: `bench ${next}`,
        }),
      };
    },
    onResponse: (status, body) => {
      if (status === 200) {
        const row = unwrap(body);
        versions.set(row.id, row.version);
      }
    },
  });
  return {
    api: make(
      '/trpc/item.update',
      (body) =>
        (JSON.parse(body) as { result: { data: { id: string; version: number } } }).result.data,
    ),
    raw: make('/raw/item.update', (body) => JSON.parse(body) as { id: string; version: number }),
    bare: make(
      '/raw/item.update-bare',
      (body) => JSON.parse(body) as { id: string; version: number },
    ),
  };
}

export function trackingScenarios(
  world: BenchWorld,
  updatable: Array<{ id: string; version: number }>,
): Scenario[] {
  const projectId = world.projectIds[0]!;
  const updates = updateRequests(updatable);
  return [
    {
      name: 'dashboard.project',
      api: trpcQuery('dashboard.project', { projectId }),
      raw: rawQuery('dashboard.project', { projectId }),
    },
    {
      name: 'dashboard.workspace',
      api: trpcQuery('dashboard.workspace', { workspaceId: world.workspaceId }),
      raw: rawQuery('dashboard.workspace', { workspaceId: world.workspaceId }),
    },
    {
      name: 'item.list (one stage)',
      api: trpcQuery('item.list', { projectId, stageKey: 'data' }),
      raw: rawQuery('item.list', { projectId, stageKey: 'data' }),
    },
    { name: 'item.update', api: updates.api, raw: updates.raw },
    { name: 'item.update vs. a bare transaction', api: updates.api, raw: updates.bare },
    {
      name: 'kpi.series (1 000 points)',
      api: trpcQuery('kpi.series', { kpiId: world.kpiIds[0] }),
      raw: rawQuery('kpi.series', { kpiId: world.kpiIds[0]! }),
    },
    {
      name: 'lesson.list ("leakage drift")',
      api: trpcQuery('lesson.list', { workspaceId: world.workspaceId, q: 'leakage drift' }),
      raw: rawQuery('lesson.list', { workspaceId: world.workspaceId, q: 'leakage drift' }),
    },
  ];
}
