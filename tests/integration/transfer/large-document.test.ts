// A large project (the 489-item v2 checklist, 24 000 KPI measurements: over 4 MB) exports
// and imports in seconds, and the server keeps answering others meanwhile.
import { describe, expect, it } from 'vitest';
import { signUp } from '../../support/api-client';
import { builtInTemplates } from '../../support/authz-fixture';
import { useTestServer } from '../../support/server';
import { exportJson } from '../../support/transfer';

const server = useTestServer();

/** A new owner, workspace and project on a built-in checklist, with a "Loss" KPI. */
async function projectWithLossKpi(ownerName: string, projectName: string, edition: 'v1' | 'v2') {
  const owner = await signUp(server.current.url, { name: ownerName });
  const workspace = await owner.client.ok('workspace.create', { name: `${projectName} team` });
  const templates = await builtInTemplates(server.current.database.db);
  const project = await owner.client.ok('project.create', {
    workspaceId: workspace.id,
    name: projectName,
    templateId: templates[edition],
  });
  const kpi = await owner.client.ok('kpi.create', {
    projectId: project.id,
    name: 'Loss',
    kind: 'MODEL',
    unit: '',
    direction: 'LOWER_IS_BETTER',
  });
  return { owner, workspace, project, kpi };
}

describe('[transfer][large] a project document of over 4 MB (near the 5 MB limit)', () => {
  it('round-trips, and health checks answer quickly while it is read', async () => {
    const { owner, workspace, project, kpi } = await projectWithLossKpi(
      'Olivia Owner',
      'Big one',
      'v2',
    );
    for (let batch = 0; batch < 3; batch++) {
      const start = Date.UTC(2026, 0, 1) + batch * 8_000 * 60_000;
      const rows = Array.from(
        { length: 8_000 },
        (_, i) =>
          `${(Math.sin(i) * 100).toFixed(4)},${new Date(start + i * 60_000).toISOString()},step ${i}`,
      );
      await owner.client.ok('kpi.recordMany', { kpiId: kpi.id, csv: rows.join('\n') });
    }
    const document = await exportJson(owner.client, project.id);
    const text = JSON.stringify(document);
    console.log(`large document: ${text.length} characters`);
    expect(text.length).toBeGreaterThan(4_000_000);
    expect(document.project.items.length).toBeGreaterThan(400);

    // Health checks while the import runs: the document is read off the event loop.
    let slowest = 0;
    let importing = true;
    const probe = (async () => {
      while (importing) {
        const started = performance.now();
        await fetch(`${server.current.url}/livez`).catch(() => undefined);
        slowest = Math.max(slowest, performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const started = performance.now();
    const imported = await owner.client.ok('project.import', {
      workspaceId: workspace.id,
      document: text,
    });
    const took = performance.now() - started;
    importing = false;
    await probe;
    console.log(
      `large import: ${(text.length / 1e6).toFixed(1)} MB in ${Math.round(took)} ms; slowest /livez ${Math.round(slowest)} ms`,
    );
    expect(imported.report.measurements).toBe(24_000);
    const { exportedAt: _a, ...again } = await exportJson(owner.client, imported.project.id);
    const { exportedAt: _b, ...before } = document;
    expect(again).toEqual(before);
    expect(took).toBeLessThan(30_000);
    expect(slowest).toBeLessThan(2_000);
  }, 120_000);

  it('a project past the export bound is refused with a clear 400, not read into memory', async () => {
    const { owner, project, kpi } = await projectWithLossKpi(
      'Olga Owner',
      'Endless loss curve',
      'v1',
    );
    await server.current.database.db.$executeRaw`
      INSERT INTO kpi_measurements (id, "kpiId", value, "recordedAt")
      SELECT gen_random_uuid(), ${kpi.id}::uuid, i * 0.001, now() - i * interval '1 second'
        FROM generate_series(1, 100001) AS i`;
    for (const format of ['json', 'csv-measurements'] as const) {
      const refused = await owner.client.call('project.export', { projectId: project.id, format });
      expect(refused.status).toBe(400);
      expect(refused.error?.message).toBe(
        'This project has 100001 KPI measurements; an export holds at most 100000.',
      );
    }
  }, 120_000);
});
