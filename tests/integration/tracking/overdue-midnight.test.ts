// Overdue is computed when read, from today's UTC date: an open item due today
// turns overdue at midnight UTC with no write at all, on every dashboard, even
// though the dashboards are cached (the day is part of the cache key). The API
// runs in this process, so faking Date moves the server's clock too.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STRONG_PASSWORD, signUp } from '../../support/api-client';
import { builtInTemplates } from '../../support/authz-fixture';
import { useTestServer } from '../../support/server';

const server = useTestServer();
const db = () => server.current.database.db;

afterEach(() => {
  vi.useRealTimers();
});

const DAY = 86_400_000;

describe('[dashboards][overdue] midnight UTC', () => {
  it('[dashboards][overdue] an item due today is overdue at 00:00:05 UTC tomorrow, with no write', async () => {
    const lead = await signUp(server.current.url, { name: 'Night Owl' });
    const client = lead.client;
    const workspaceId = (await client.ok('workspace.create', { name: 'Midnight' })).id;
    const templates = await builtInTemplates(db());
    const project = await client.ok('project.create', {
      workspaceId,
      name: 'Midnight',
      templateId: templates.v1,
    });
    const item = await db().projectItem.findFirstOrThrow({
      where: { projectId: project.id, parentId: null },
      orderBy: [{ stage: { position: 'asc' } }, { position: 'asc' }],
      include: { stage: { select: { key: true } } },
    });
    const startOfToday = Math.floor(Date.now() / DAY) * DAY;
    const today = new Date(startOfToday).toISOString().slice(0, 10);
    await client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      status: 'IN_PROGRESS',
      assigneeId: lead.user.id,
      dueDate: today,
    });

    const read = async () => {
      const [project_, stage, portfolio, overdueList, mine] = await Promise.all([
        client.ok('dashboard.project', { projectId: project.id }),
        client.ok('dashboard.stage', { projectId: project.id, stageKey: item.stage.key }),
        client.ok('dashboard.workspace', { workspaceId }),
        client.ok('item.list', { projectId: project.id, overdue: true }),
        client.ok('item.mine', { workspaceId }),
      ]);
      const row = portfolio.projects.find((p) => p.id === project.id)!;
      const column = portfolio.stages.findIndex((s) => s.key === item.stage.key);
      return {
        projectOverdue: project_.totals.overdue,
        projectStageOverdue: project_.stages.find((s) => s.key === item.stage.key)!.overdue,
        overdueItems: project_.overdueItems.map((i) => i.id),
        workloadOverdue: project_.workload.reduce((sum, w) => sum + w.overdue, 0),
        stageOverdue: stage.stage.overdue,
        stageState: stage.stage.state,
        portfolioOverdue: row.overdue,
        portfolioTotal: portfolio.totals.overdue,
        portfolioCell: row.cells[column]!.state,
        listed: overdueList.items.map((i) => i.id),
        mine: mine.items.filter((i) => i.overdue).map((i) => i.id),
      };
    };
    const versions = () =>
      db().$queryRaw<Array<Record<string, number>>>`
        SELECT w."dataVersion" AS workspace, w."sharedVersion" AS shared, p."dataVersion" AS project,
               (SELECT count(*)::int FROM activity_log a WHERE a."workspaceId" = w.id) AS activity
          FROM workspaces w JOIN projects p ON p."workspaceId" = w.id
         WHERE p.id = ${project.id}::uuid`;

    const before = await read();
    expect(await read(), 'a second read (cached) agrees').toEqual(before);
    expect(before).toEqual({
      projectOverdue: 0,
      projectStageOverdue: 0,
      overdueItems: [],
      workloadOverdue: 0,
      stageOverdue: 0,
      stageState: 'in-progress',
      portfolioOverdue: 0,
      portfolioTotal: 0,
      portfolioCell: 'in-progress',
      listed: [],
      mine: [],
    });
    const versionsBefore = await versions();

    const realNow = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(startOfToday + DAY + 5_000));
    expect(new Date().toISOString()).toMatch(/T00:00:05\.000Z$/);
    // The access token was signed by the real clock: by the fake one it is older
    // than its 15 minutes (unless it is nearly midnight), so sign in again. That
    // writes a session, not workspace data (checked below).
    const stale = await client.call('dashboard.workspace', { workspaceId });
    if (startOfToday + DAY - realNow > 16 * 60_000) expect(stale.status).toBe(401);
    const session = await client.ok('auth.login', {
      email: lead.user.email,
      password: STRONG_PASSWORD,
    });
    client.accessToken = session.accessToken;

    const after = await read();
    expect(after).toEqual({
      projectOverdue: 1,
      projectStageOverdue: 1,
      overdueItems: [item.id],
      workloadOverdue: 1,
      stageOverdue: 1,
      stageState: 'at-risk',
      portfolioOverdue: 1,
      portfolioTotal: 1,
      portfolioCell: 'at-risk',
      listed: [item.id],
      mine: [item.id],
    });
    expect(await versions(), 'no write happened between the two reads').toEqual(versionsBefore);
  });
});
