import { beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedUp } from '../../support/api-client';
import type { ProcedureInput, ProcedureOutput } from '../../support/api-types';
import { useTestServer } from '../../support/server';

const server = useTestServer();
const db = () => server.current.database.db;

let lead: SignedUp;
let workspaceId: string;

beforeAll(async () => {
  lead = await signUp(server.current.url, { name: 'Pat Lead' });
  workspaceId = (await lead.client.ok('workspace.create', { name: 'Projects' })).id;
});

async function create(name: string, extra: Partial<ProcedureInput<'project.create'>> = {}) {
  return lead.client.ok('project.create', { workspaceId, name, ...extra });
}

describe('[projects] create, list, get', () => {
  it('creates from the default template (v2) with its choices, and records it', async () => {
    const project = await create('Speech to text', {
      phase: 'MLP',
      approach: 'MODEL_CENTRIC',
      inference: 'REAL_TIME',
    });
    expect(project).toMatchObject({
      phase: 'MLP',
      approach: 'MODEL_CENTRIC',
      archived: false,
      version: 1,
    });
    expect(project.template?.versionLabel).toBe('2');
    expect(project.currentStageKey).toBe('scoping');
    const activity = await db().activityLog.findFirstOrThrow({ where: { entityId: project.id } });
    expect(activity).toMatchObject({ action: 'project.created', actorId: lead.user.id });
    const invalid = await lead.client.callRaw('project.create', {
      workspaceId,
      name: '',
      phase: 'BETA',
    });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.error?.data.fieldErrors ?? {}).sort()).toEqual(['name', 'phase']);
  });

  it('lists by name with search and cursor pages, archived apart', async () => {
    for (const name of ['Alpha churn', 'Beta churn', 'Gamma fraud', 'Delta churn'])
      await create(name);
    const search = await lead.client.ok('project.list', {
      workspaceId,
      search: 'CHURN',
    });
    expect(search.items.map((p) => p.name)).toEqual(['Alpha churn', 'Beta churn', 'Delta churn']);
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ProcedureOutput<'project.list'> = await lead.client.ok('project.list', {
        workspaceId,
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      names.push(...page.items.map((p) => p.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    const got = await lead.client.ok('project.get', { projectId: search.items[0]!.id });
    expect(got.name).toBe('Alpha churn');
  });
});

describe('[projects] update, stage, archive', () => {
  it('update needs the current version; a stale one is CONFLICT with the current project', async () => {
    const project = await create('Recommender');
    const updated = await lead.client.ok('project.update', {
      projectId: project.id,
      expectedVersion: project.version,
      description: 'Top-10 for the home page',
      phase: 'MVP',
    });
    expect(updated).toMatchObject({
      description: 'Top-10 for the home page',
      phase: 'MVP',
      version: 2,
    });
    const stale = await lead.client.call('project.update', {
      projectId: project.id,
      expectedVersion: project.version,
      name: 'Lost',
    });
    expect(stale.status).toBe(409);
    expect(stale.error?.data.current).toMatchObject({ name: 'Recommender', version: 2 });
    const activity = await db().activityLog.findFirstOrThrow({
      where: { entityId: project.id, action: 'project.updated' },
    });
    expect(activity.before).toMatchObject({ phase: 'POC', description: null });
    expect(activity.after).toMatchObject({ phase: 'MVP' });
  });

  it('sets the current stage, refusing an unknown one', async () => {
    const project = await create('OCR');
    const moved = await lead.client.ok('project.setStage', {
      projectId: project.id,
      expectedVersion: project.version,
      stageKey: 'data',
    });
    expect(moved.currentStageKey).toBe('data');
    const unknown = await lead.client.call('project.setStage', {
      projectId: project.id,
      expectedVersion: moved.version,
      stageKey: 'nowhere',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.error?.message).toBe('This project has no stage "nowhere".');
  });

  it('archives and unarchives; archived projects leave the default list', async () => {
    const project = await create('Old pilot');
    const archived = await lead.client.ok('project.archive', {
      projectId: project.id,
      expectedVersion: project.version,
    });
    expect(archived.archived).toBe(true);
    const active = await lead.client.ok('project.list', {
      workspaceId,
      limit: 100,
    });
    expect(active.items.map((p) => p.id)).not.toContain(project.id);
    const old = await lead.client.ok('project.list', {
      workspaceId,
      archived: true,
    });
    expect(old.items.map((p) => p.id)).toEqual([project.id]);
    const back = await lead.client.ok('project.unarchive', {
      projectId: project.id,
      expectedVersion: archived.version,
    });
    expect(back.archived).toBe(false);
    const actions = await db().activityLog.findMany({
      where: { entityId: project.id },
      orderBy: { id: 'asc' },
    });
    expect(actions.map((a) => a.action)).toEqual([
      'project.created',
      'project.archived',
      'project.unarchived',
    ]);
  });
});
