// The benchmark data set: one workspace with 200 projects × ~150 checklist
// items, 20 KPIs × 1 000 points, and 2 000 lessons; written with set-based SQL
// so seeding takes seconds, not minutes.
import { createHash, randomBytes } from 'node:crypto';
import { hashPassword } from '@shipshape/api/auth/passwords';
import { instantiateChecklist } from '@shipshape/api/projects/instantiate-checklist';
import { storeTemplate, type Db } from '@shipshape/db';
import { parseChecklistMarkdown } from '@shipshape/domain';

export const BENCH_PASSWORD = 'benchmark password 2026';

export interface BenchWorld {
  email: string;
  workspaceId: string;
  projectIds: string[];
  kpiIds: string[];
  itemCount: number;
}

/** A checklist of 6 stages × 25 items (5 of them with 2 sub-items): 150 items. */
function benchChecklist(): string {
  const stages = ['Scoping', 'Data', 'Modelling', 'Deployment', 'Responsible AI', 'MLOps'];
  const lines = ['# Benchmark checklist', ''];
  for (const stage of stages) {
    lines.push(`## ${stage}`, '');
    for (let i = 1; i <= 15; i++) {
      lines.push(
        `- ${stage} check ${i}: make sure step ${i} is done | [Notes](https://example.test/${i})`,
      );
      if (i <= 5) lines.push(`  - ${stage} detail ${i}a`, `  - ${stage} detail ${i}b`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

const words = (
  'leakage split overfitting drift label noise imbalance baseline latency feature store pipeline ' +
  'retraining schema validation sampling augmentation calibration threshold monitoring rollback ' +
  'shadow canary batch streaming embedding tokenizer quantization pruning distillation annotation'
).split(' ');

export async function seedBenchWorld(db: Db): Promise<BenchWorld> {
  const email = `bench.${randomBytes(4).toString('hex')}@example.test`;
  const user = await db.user.create({
    data: { email, name: 'Bench Lead', passwordHash: await hashPassword(BENCH_PASSWORD) },
  });
  const workspace = await db.workspace.create({
    data: {
      name: 'Benchmark',
      slug: `bench-${randomBytes(4).toString('hex')}`,
      memberships: { create: { userId: user.id, role: 'OWNER' } },
    },
  });
  const markdown = benchChecklist();
  const template = await storeTemplate(db, {
    name: 'Benchmark checklist',
    versionLabel: createHash('sha1').update(markdown).digest('hex').slice(0, 8),
    sourceText: markdown,
    parsed: parseChecklistMarkdown(markdown),
    workspaceId: workspace.id,
  });

  const projectIds: string[] = [];
  for (let p = 0; p < 200; p++) {
    const id = await db.$transaction(async (tx) => {
      const project = await tx.project.create({
        data: {
          workspaceId: workspace.id,
          name: `Project ${String(p).padStart(3, '0')}`,
          slug: `project-${p}`,
          templateId: template.id,
          createdById: user.id,
        },
      });
      await instantiateChecklist(tx, {
        workspaceId: workspace.id,
        projectId: project.id,
        templateId: template.id,
      });
      return project.id;
    });
    projectIds.push(id);
  }
  await spreadProgress(db, workspace.id, user.id);

  const kpiIds: string[] = [];
  for (let k = 0; k < 20; k++) {
    const kpi = await db.kpi.create({
      data: {
        workspaceId: workspace.id,
        projectId: projectIds[k % 10]!,
        name: `KPI ${k}`,
        kind: 'MODEL',
        unit: '%',
        direction: k % 2 ? 'LOWER_IS_BETTER' : 'HIGHER_IS_BETTER',
        baseline: 50,
        target: k % 2 ? 30 : 80,
      },
    });
    kpiIds.push(kpi.id);
    await db.$executeRaw`
      INSERT INTO kpi_measurements (id, "kpiId", value, "recordedAt")
      SELECT gen_random_uuid(), ${kpi.id}::uuid, 50 + 20 * sin(n / 50.0) + random() * 5,
             timestamptz '2025-01-01' + n * interval '6 hours'
        FROM generate_series(1, 1000) AS n`;
  }

  const lessons = Array.from({ length: 2000 }, (_, i) => {
    const pick = (n: number) => words[(i * 7 + n * 13) % words.length]!;
    return {
      workspaceId: workspace.id,
      projectId: projectIds[i % projectIds.length]!,
      stageKey: ['scoping', 'data', 'modelling', 'deployment', 'responsible-ai', 'mlops'][i % 6]!,
      title: `${pick(1)} ${pick(2)} did not work (${i})`,
      tried: `We tried ${pick(3)} with ${pick(4)} on the ${pick(5)} set.`,
      happened: `The ${pick(6)} got worse because of ${pick(7)}.`,
      learnt: `Next time check ${pick(8)} and ${pick(9)} before ${pick(10)}.`,
      tags: [pick(1), pick(2)],
      authorId: user.id,
    };
  });
  await db.lesson.createMany({ data: lessons });
  const itemCount = await db.projectItem.count({ where: { workspaceId: workspace.id } });
  return { email, workspaceId: workspace.id, projectIds, kpiIds, itemCount };
}

/** Progress as a real portfolio has it: a spread of statuses, owners and due dates. */
export async function spreadProgress(db: Db, workspaceId: string, userId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE project_items p SET
      status = r.status,
      "notApplicableReason" = CASE WHEN r.status = 'NOT_APPLICABLE' THEN 'Not relevant here' END,
      "assigneeId" = CASE WHEN random() < 0.5 THEN ${userId}::uuid END,
      "dueDate" = CASE WHEN random() < 0.4 THEN current_date + (floor(random() * 120)::int - 60) END
      FROM (SELECT id, (ARRAY['TODO','TODO','IN_PROGRESS','DONE','DONE','DONE','BLOCKED','NOT_APPLICABLE'])
                         [1 + floor(random() * 8)::int]::"ItemStatus" AS status
              FROM project_items WHERE "workspaceId" = ${workspaceId}::uuid) r
     WHERE p.id = r.id`;
}
