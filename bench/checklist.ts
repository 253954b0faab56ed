// Checklist import: parsing the v2 checklist, and instantiating a project from it
// (time and SQL statements per instantiation).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { instantiateChecklist } from '@shipshape/api/projects/instantiate-checklist';
import { createDb } from '@shipshape/db';
import { repoRoot } from '@shipshape/db/paths';
import { parseChecklistMarkdown } from '@shipshape/domain';

export type ChecklistMeasures = Awaited<ReturnType<typeof checklistBenchmarks>>;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function checklistBenchmarks(databaseUrl: string) {
  const v2 = readFileSync(
    join(repoRoot, 'packages/domain/src/checklist/seed/ml-e2e-checklist-v2.md'),
    'utf8',
  );
  for (let i = 0; i < 5; i++) parseChecklistMarkdown(v2);
  const parseTimes: number[] = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    parseChecklistMarkdown(v2);
    parseTimes.push(performance.now() - start);
  }

  let statements = 0;
  const db = createDb({
    connectionString: databaseUrl,
    poolSize: 2,
    onQuery: () => (statements += 1),
  });
  const template = await db.checklistTemplate.findFirstOrThrow({
    where: { versionLabel: '2', workspaceId: null },
  });
  const itemCount = await db.templateItem.count({ where: { templateId: template.id } });
  const workspace = await db.workspace.create({
    data: { name: 'Instantiate', slug: `inst-${process.pid}` },
  });
  const times: number[] = [];
  const perInstantiation: number[] = [];
  for (let i = 0; i < 20; i++) {
    const project = await db.project.create({
      data: { workspaceId: workspace.id, name: `P${i}`, slug: `p-${i}`, templateId: template.id },
    });
    statements = 0;
    const start = performance.now();
    await db.$transaction((tx) =>
      instantiateChecklist(tx, {
        workspaceId: workspace.id,
        projectId: project.id,
        templateId: template.id,
      }),
    );
    times.push(performance.now() - start);
    perInstantiation.push(statements);
  }
  await db.$disconnect();
  return {
    v2Bytes: Buffer.byteLength(v2),
    parseMean: parseTimes.reduce((a, b) => a + b, 0) / parseTimes.length,
    parseP95: percentile(parseTimes, 95),
    itemCount,
    instantiateMean: times.reduce((a, b) => a + b, 0) / times.length,
    instantiateP95: percentile(times, 95),
    statements: Math.max(...perInstantiation),
  };
}
