// "Overdue" and "workload" are defined once, in packages/domain (isOverdue, workload). The
// dashboards count them in SQL for speed; this test pins every SQL count to the domain rule on
// the same rows: due yesterday, today, tomorrow and never, in every status, assigned or not.
import { beforeAll, describe, expect, it } from 'vitest';
import { ITEM_STATUSES, UNASSIGNED, isOverdue, workload } from '@shipshape/domain';
import { signUp, type ApiClient } from '../../support/api-client';
import { useTestServer } from '../../support/server';

const server = useTestServer();
const db = () => server.current.database.db;

let client: ApiClient;
let userId: string;
let workspaceId: string;
let projectId: string;

const DAY = 86_400_000;
const todayUtc = () => new Date(Math.floor(Date.now() / DAY) * DAY);

beforeAll(async () => {
  const lead = await signUp(server.current.url);
  client = lead.client;
  userId = lead.user.id;
  workspaceId = (await client.ok('workspace.create', { name: 'Rules' })).id;
  projectId = (await client.ok('project.create', { workspaceId, name: 'Rules' })).id;
  // Written straight to the rows (before any read, so no cache holds older figures): every
  // combination of status × due day × assignee, over the project's first items.
  const items = await db().projectItem.findMany({
    where: { projectId },
    orderBy: [{ stageId: 'asc' }, { position: 'asc' }],
    select: { id: true },
  });
  const dueDays = [-1, 0, 1, null];
  let index = 0;
  for (const status of ITEM_STATUSES) {
    for (const offset of dueDays) {
      for (const assigneeId of [userId, null]) {
        const item = items[index++]!;
        await db().projectItem.update({
          where: { id: item.id },
          data: {
            status,
            assigneeId,
            notApplicableReason: status === 'NOT_APPLICABLE' ? 'Not for us' : null,
            dueDate: offset === null ? null : new Date(todayUtc().getTime() + offset * DAY),
          },
        });
      }
    }
  }
});

describe('[dashboards] SQL counts agree with the domain rules', () => {
  it('overdue items, per-assignee workload and the portfolio count match isOverdue and workload', async () => {
    const rows = await db().projectItem.findMany({
      where: { projectId },
      select: { id: true, status: true, dueDate: true, assigneeId: true },
    });
    const today = todayUtc();
    const expectedOverdue = rows.filter((row) => isOverdue(row, today)).map((row) => row.id);
    expect(expectedOverdue.length).toBeGreaterThan(0);

    const dashboard = await client.ok('dashboard.project', { projectId });
    expect(dashboard.overdueItems.map((item) => item.id).sort()).toEqual(expectedOverdue.sort());

    const expectedWorkload = workload(rows, today);
    const actualWorkload = Object.fromEntries(
      dashboard.workload.map(({ assignee, open, overdue, done }) => [
        assignee?.id ?? UNASSIGNED,
        { open, overdue, done },
      ]),
    );
    expect(actualWorkload).toEqual(expectedWorkload);

    const portfolio = await client.ok('dashboard.workspace', { workspaceId });
    expect(portfolio.projects.find((project) => project.id === projectId)?.overdue).toBe(
      expectedOverdue.length,
    );
  });
});
