// Several API servers over one test database, for tests of what each serves
// from its read cache: A (plain), B (another buildServer in this process, with
// its own pool whose SQL statements are counted; it shares this process's read
// cache with A) and C (the API as its own process, so with its own cache).
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from '@shipshape/api-server';
import { createDb, type Db } from '@shipshape/db';
import { ApiClient, signUp, type SignedUp } from './api-client';
import { startApiProcess, type ApiProcess } from './api-process';
import { builtInTemplates } from './authz-fixture';
import { listenOn } from './counted-server';
import { createTestDatabase, type TestDatabase } from './database';

export interface ReadServers {
  database: TestDatabase;
  urlA: string;
  urlB: string;
  urlC: string;
  /** Statements server B has sent since the last `cost`. */
  statements: number;
  /** Statements server B spends on one call (concurrent ones included). */
  cost<T>(call: () => Promise<T>): Promise<{ statements: number; value: T }>;
}

export function useReadServers(): ReadServers {
  let database: (TestDatabase & { drop(): Promise<void> }) | undefined;
  let counted: Db | undefined;
  const apps: FastifyInstance[] = [];
  let processC: ApiProcess | undefined;
  const servers = {
    statements: 0,
    async cost<T>(call: () => Promise<T>) {
      servers.statements = 0;
      const value = await call();
      return { statements: servers.statements, value };
    },
  } as ReadServers;
  beforeAll(async () => {
    database = await createTestDatabase();
    counted = createDb({
      connectionString: database.url,
      poolSize: database.poolSize,
      onQuery: () => (servers.statements += 1),
    });
    const a = await listenOn(database.db);
    const b = await listenOn(counted);
    apps.push(a.app, b.app);
    processC = await startApiProcess({ DATABASE_URL: database.url });
    Object.assign(servers, { database, urlA: a.url, urlB: b.url, urlC: processC.url });
  }, 120_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    if (processC && processC.child.exitCode === null) {
      processC.child.kill('SIGTERM');
      await Promise.race([processC.exited, new Promise((r) => setTimeout(r, 15_000))]);
    }
    await counted?.$disconnect();
    await database?.drop();
  });
  return servers;
}

export interface Team {
  owner: SignedUp;
  mate: SignedUp;
  workspace: { id: string; version: number };
  /** Two v1 projects, each with a KPI; stageKey is the current stage. */
  projects: Array<{ id: string; stageKey: string; kpiId: string }>;
  /** The owner's session on server B and on server C (writes go through owner.client, on A). */
  onB: ApiClient;
  onC: ApiClient;
}

export async function readTeam(servers: ReadServers, name: string): Promise<Team> {
  const db = servers.database.db;
  const owner = await signUp(servers.urlA, { name: `${name} owner` });
  const mate = await signUp(servers.urlA, { name: `${name} mate` });
  const workspace = await owner.client.ok('workspace.create', { name });
  await db.membership.create({
    data: { workspaceId: workspace.id, userId: mate.user.id, role: 'MEMBER' },
  });
  const templates = await builtInTemplates(db);
  const projects = [];
  for (const projectName of ['One', 'Two']) {
    const project = await owner.client.ok('project.create', {
      workspaceId: workspace.id,
      name: projectName,
      templateId: templates.v1,
    });
    const kpi = await owner.client.ok('kpi.create', {
      projectId: project.id,
      name: 'AUC',
      kind: 'MODEL',
      unit: '',
      direction: 'HIGHER_IS_BETTER',
    });
    projects.push({ id: project.id, stageKey: project.currentStageKey!, kpiId: kpi.id });
  }
  const on = (url: string) => {
    const client = new ApiClient(url);
    client.accessToken = owner.client.accessToken;
    return client;
  };
  return { owner, mate, workspace, projects, onB: on(servers.urlB), onC: on(servers.urlC) };
}

/** The `skip`-th top-level item of a project, in checklist order. */
export function nthItem(db: Db, projectId: string, skip = 0) {
  return db.projectItem.findFirstOrThrow({
    where: { projectId, parentId: null },
    orderBy: [{ stage: { position: 'asc' } }, { position: 'asc' }],
    skip,
  });
}
