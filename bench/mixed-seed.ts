// The mixed scenario's data: workspaces whose projects are created the way the
// API creates them (createProject: the workspace's default template, the
// built-in v2 checklist of 489 items, copied with one INSERT … SELECT per
// table, its first stage current, a `project.created` activity row), then
// progress spread over the items as seed.ts does.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword } from '@shipshape/api/auth/passwords';
import { createProject } from '@shipshape/api/projects/create-project';
import { storeTemplate, type Db } from '@shipshape/db';
import { repoRoot } from '@shipshape/db/paths';
import { parseChecklistMarkdown, type TParsedTemplate } from '@shipshape/domain';
import { BENCH_PASSWORD, spreadProgress } from './seed';

export interface WritableItem {
  id: string;
  projectId: string;
  version: number;
  status: 'TODO' | 'IN_PROGRESS';
}

export interface MixedUser {
  id: string;
  email: string;
}

export interface MixedWorld {
  workspaceId: string;
  projectIds: string[];
  /** The stage keys of a project, in checklist order. */
  stageKeys: string[];
  itemsPerProject: number;
  itemCount: number;
  seedSeconds: number;
  /** Open items (TODO or IN_PROGRESS) of the first 100 projects, for writers to toggle. */
  writable: Map<string, WritableItem[]>;
}

export async function createMixedUser(db: Db): Promise<MixedUser> {
  const email = `bench.mixed.${randomBytes(4).toString('hex')}@example.test`;
  const user = await db.user.create({
    data: { email, name: 'Bench Mixed', passwordHash: await hashPassword(BENCH_PASSWORD) },
  });
  return { id: user.id, email };
}

/**
 * The v2 checklist with only `count` of its items: top-level items taken in
 * turn from every stage, without their sub-items, so that every stage stays.
 * Stored as the workspace's own template; projects are instantiated from it
 * by the same createProject as the full checklist.
 */
function trimmedV2(count: number): { sourceText: string; parsed: TParsedTemplate } {
  const v2 = readFileSync(
    join(repoRoot, 'packages/domain/src/checklist/seed/ml-e2e-checklist-v2.md'),
    'utf8',
  );
  const parsed = parseChecklistMarkdown(v2);
  const kept = parsed.stages.map(() => [] as TParsedTemplate['stages'][number]['items']);
  let taken = 0;
  for (let round = 0; taken < count; round++) {
    let any = false;
    parsed.stages.forEach((stage, s) => {
      const item = stage.items[round];
      if (!item || taken >= count) return;
      kept[s]!.push({ ...item, children: [] });
      taken += 1;
      any = true;
    });
    if (!any) break;
  }
  const stages = parsed.stages
    .map((stage, s) => ({ ...stage, items: kept[s]! }))
    .filter((stage) => stage.items.length > 0);
  return {
    sourceText: `${v2}\n<!-- bench: the first ${count} items, without sub-items -->\n`,
    parsed: { ...parsed, stages },
  };
}

/** Runs `task(0…n-1)` on `lanes` concurrent lanes. */
async function inLanes(n: number, lanes: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

/**
 * A workspace of `projects` projects, each created by createProject from the
 * built-in v2 checklist (489 items) or, with `itemsPerProject`, from a trimmed
 * copy of it.
 */
export async function seedMixedWorld(
  db: Db,
  user: MixedUser,
  options: { projects: number; itemsPerProject?: number },
): Promise<MixedWorld> {
  const start = performance.now();
  const workspace = await db.workspace.create({
    data: {
      name: `Mixed ${options.projects}`,
      slug: `mixed-${randomBytes(4).toString('hex')}`,
      memberships: { create: { userId: user.id, role: 'OWNER' } },
    },
  });
  const actor = { id: user.id, workspaceId: workspace.id };
  let templateId: string | undefined;
  if (options.itemsPerProject) {
    const trimmed = trimmedV2(options.itemsPerProject);
    const stored = await storeTemplate(db, {
      name: `ML end-to-end checklist (first ${options.itemsPerProject} items)`,
      versionLabel: `2-first-${options.itemsPerProject}`,
      workspaceId: workspace.id,
      ...trimmed,
    });
    templateId = stored.id;
  }
  const projectIds: string[] = new Array<string>(options.projects);
  await inLanes(options.projects, 3, async (p) => {
    const project = await createProject({
      db,
      actor,
      input: {
        workspaceId: workspace.id,
        name: `Project ${String(p).padStart(4, '0')}`,
        phase: 'POC',
        ...(templateId ? { templateId } : {}),
      },
    });
    projectIds[p] = project.id;
  });
  await spreadProgress(db, workspace.id, user.id);
  const seedSeconds = (performance.now() - start) / 1000;

  const stages = await db.projectStage.findMany({
    where: { projectId: projectIds[0]! },
    orderBy: { position: 'asc' },
    select: { key: true },
  });
  const itemCount = await db.projectItem.count({ where: { workspaceId: workspace.id } });
  const open = await db.projectItem.findMany({
    where: {
      projectId: { in: projectIds.slice(0, 100) },
      status: { in: ['TODO', 'IN_PROGRESS'] },
    },
    select: { id: true, projectId: true, version: true, status: true },
  });
  const writable = new Map<string, WritableItem[]>();
  for (const item of open) {
    const list = writable.get(item.projectId) ?? [];
    list.push(item as WritableItem);
    writable.set(item.projectId, list);
  }
  return {
    workspaceId: workspace.id,
    projectIds,
    stageKeys: stages.map((s) => s.key),
    itemsPerProject: Math.round(itemCount / options.projects),
    itemCount,
    seedSeconds,
    writable,
  };
}
