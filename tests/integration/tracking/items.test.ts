import { beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '@shipshape/domain';
import { signUp } from '../../support/api-client';
import type { ProcedureInput, ProcedureOutput } from '../../support/api-types';
import { builtInTemplates } from '../../support/authz-fixture';
import { useTestServer } from '../../support/server';
import { joinByInvitation } from '../../support/teams';

const server = useTestServer();
const url = () => server.current.url;
const db = () => server.current.database.db;

async function team() {
  const lead = await signUp(url(), { name: 'Lena Lead' });
  const workspace = await lead.client.ok('workspace.create', {
    name: 'Vision team',
  });
  const join = async (role: TRole, name: string) => {
    const person = await signUp(url(), { name });
    await joinByInvitation(lead.client, workspace.id, person, role);
    return person;
  };
  const member = await join('MEMBER', 'Milo Member');
  const viewer = await join('VIEWER', 'Vera Viewer');
  const templates = await builtInTemplates(db());
  const project = await lead.client.ok('project.create', {
    workspaceId: workspace.id,
    name: 'Defect detection',
    templateId: templates.v2,
  });
  return { lead, member, viewer, workspaceId: workspace.id, projectId: project.id };
}

let t: Awaited<ReturnType<typeof team>>;
beforeAll(async () => {
  t = await team();
});

async function items(filter: Omit<ProcedureInput<'item.list'>, 'projectId'> = {}) {
  const page = await t.lead.client.ok('item.list', {
    projectId: t.projectId,
    limit: 500,
    ...filter,
  });
  return page.items;
}

async function leafIn(stageKey: string, skip = 0) {
  const all = await items({ stageKey });
  const parents = new Set(all.map((i) => i.parentId));
  return all.filter((i) => !parents.has(i.id))[skip]!;
}

describe('[items][list] listing and filtering', () => {
  it('lists a stage, pages with a cursor, and filters by status and assignee', async () => {
    const data = await items({ stageKey: 'data' });
    expect(data.length).toBeGreaterThan(50);
    expect(data.every((i) => i.stageKey === 'data')).toBe(true);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ProcedureOutput<'item.list'> = await t.lead.client.ok('item.list', {
        projectId: t.projectId,
        stageKey: 'data',
        limit: 25,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(data.length);
    expect(new Set(seen).size).toBe(seen.length);

    const target = await leafIn('data', 3);
    await t.lead.client.ok('item.update', {
      itemId: target.id,
      expectedVersion: target.version,
      status: 'BLOCKED',
      assigneeId: t.member.user.id,
    });
    expect((await items({ status: 'BLOCKED' })).map((i) => i.id)).toEqual([target.id]);
    expect((await items({ assigneeId: t.member.user.id })).map((i) => i.id)).toContain(target.id);
  });
});

describe('[items][update] the rules of a checklist item', () => {
  it('DONE records who and when; leaving DONE clears it', async () => {
    const item = await leafIn('data', 5);
    const done = await t.member.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      status: 'DONE',
    });
    expect(done.completedBy?.id).toBe(t.member.user.id);
    expect(done.completedAt).not.toBeNull();
    expect(done.version).toBe(item.version + 1);
    // The answer is the row as stored.
    expect(await t.member.client.ok('item.get', { itemId: item.id })).toEqual(done);
    const reopened = await t.member.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: done.version,
      status: 'IN_PROGRESS',
    });
    expect(reopened.completedAt).toBeNull();
    expect(reopened.completedBy).toBeNull();
  });

  it('NOT_APPLICABLE needs a reason', async () => {
    const item = await leafIn('data', 6);
    const refused = await t.member.client.call('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      status: 'NOT_APPLICABLE',
    });
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toMatch(/a reason is required to mark an item not applicable/);
    const na = await t.member.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      status: 'NOT_APPLICABLE',
      notApplicableReason: 'Tabular data only',
    });
    expect(na).toMatchObject({
      status: 'NOT_APPLICABLE',
      notApplicableReason: 'Tabular data only',
    });
  });

  it('an assignee must be a member of the workspace; due dates are calendar dates', async () => {
    const item = await leafIn('data', 7);
    const stranger = await signUp(url());
    const refused = await t.lead.client.call('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      assigneeId: stranger.user.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toBe('The assignee must be a member of this workspace.');
    const badDate = await t.lead.client.call('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      dueDate: '31/01/2027',
    });
    expect(badDate.error?.data.fieldErrors?.dueDate?.[0]).toBe('must be a date like 2027-01-31');
    const ok = await t.lead.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      assigneeId: t.viewer.user.id,
      dueDate: '2027-01-31',
      notes: 'Check with the data owner',
    });
    expect(ok).toMatchObject({ dueDate: '2027-01-31', notes: 'Check with the data owner' });
    expect(ok.assignee?.id).toBe(t.viewer.user.id);
    expect(await t.lead.client.ok('item.get', { itemId: item.id })).toEqual(ok);
    const cleared = await t.lead.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: ok.version,
      assigneeId: null,
      dueDate: null,
      notes: null,
    });
    expect(cleared).toMatchObject({ assignee: null, dueDate: null, notes: null });
    expect(await t.lead.client.ok('item.get', { itemId: item.id })).toEqual(cleared);
  });

  it('a parent is not DONE while a sub-item is open, unless the request says so', async () => {
    const all = await items({ stageKey: 'data' });
    const parent = all.find((i) => all.some((c) => c.parentId === i.id && c.status === 'TODO'))!;
    const refused = await t.lead.client.call('item.update', {
      itemId: parent.id,
      expectedVersion: parent.version,
      status: 'DONE',
    });
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toMatch(/has open sub-items/);
    const forced = await t.lead.client.ok('item.update', {
      itemId: parent.id,
      expectedVersion: parent.version,
      status: 'DONE',
      allowOpenChildren: true,
    });
    expect(forced.status).toBe('DONE');
  });

  it('a VIEWER cannot change an item', async () => {
    const item = await leafIn('modelling');
    const refused = await t.viewer.client.call('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      status: 'DONE',
    });
    expect(refused.status).toBe(403);
    expect((await db().projectItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe(
      'TODO',
    );
  });

  it('every write is in the activity log with before and after', async () => {
    const item = await leafIn('modelling', 1);
    await t.lead.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      status: 'IN_PROGRESS',
    });
    const row = await db().activityLog.findFirstOrThrow({
      where: { entityId: item.id, action: 'item.updated' },
      orderBy: { id: 'desc' },
    });
    expect(row.actorId).toBe(t.lead.user.id);
    expect(row.before).toEqual({ status: 'TODO' });
    expect(row.after).toEqual({ status: 'IN_PROGRESS' });

    // Only what changed is recorded, due dates as calendar dates and instants as ISO strings.
    const planned = await t.lead.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version + 1,
      dueDate: '2027-03-04',
      notes: null,
      assigneeId: null,
    });
    const done = await t.lead.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: planned.version,
      status: 'DONE',
      dueDate: '2027-03-04',
    });
    const [second, third] = await db().activityLog.findMany({
      where: { entityId: item.id, action: 'item.updated' },
      orderBy: { id: 'asc' },
      skip: 1,
    });
    expect(second!.before).toEqual({ dueDate: null });
    expect(second!.after).toEqual({ dueDate: '2027-03-04' });
    expect(third!.before).toEqual({
      status: 'IN_PROGRESS',
      completedAt: null,
      completedById: null,
    });
    expect(third!.after).toEqual({
      status: 'DONE',
      // The wire carries the instant as JSON text; the log must hold the same instant.
      completedAt: new Date(done.completedAt as unknown as string).toISOString(),
      completedById: t.lead.user.id,
    });
  });
});

describe('[items][concurrency] no lost updates', () => {
  it('a stale version is a CONFLICT that returns the current row and overwrites nothing', async () => {
    const item = await leafIn('deployment');
    await t.lead.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      notes: 'Lead was here',
    });
    const stale = await t.member.client.call('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      notes: 'Member overwrites',
    });
    expect(stale.status).toBe(409);
    expect(stale.error?.data.current).toMatchObject({
      notes: 'Lead was here',
      version: item.version + 1,
    });
    expect((await db().projectItem.findUniqueOrThrow({ where: { id: item.id } })).notes).toBe(
      'Lead was here',
    );
  });

  it('N concurrent writers with the same version: exactly one wins, the version counts the winners', async () => {
    const item = await leafIn('deployment', 1);
    const writers = [
      t.lead.client,
      t.member.client,
      t.lead.client,
      t.member.client,
      t.lead.client,
      t.member.client,
    ];
    const results = await Promise.all(
      writers.map((client, i) =>
        client.call('item.update', {
          itemId: item.id,
          expectedVersion: item.version,
          notes: `writer ${i}`,
        }),
      ),
    );
    const wins = results.filter((r) => r.status === 200);
    expect(wins).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(writers.length - 1);
    const stored = await db().projectItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(stored.version).toBe(item.version + 1);
    expect(stored.notes).toBe(wins[0]!.data.notes);
  });
});

describe('[items][bulk] all or nothing', () => {
  it('assigns many at once; one stale version refuses the whole batch', async () => {
    const batch = (await items({ stageKey: 'scoping' })).slice(0, 5);
    expect(batch).toHaveLength(5);
    const stale = await t.lead.client.call('item.bulkUpdate', {
      itemIds: batch.map((i) => i.id),
      expectedVersions: batch.map((i, index) => (index === 4 ? i.version + 1 : i.version)),
      assigneeId: t.member.user.id,
    });
    expect(stale.status).toBe(409);
    const untouched = await db().projectItem.findMany({
      where: { id: { in: batch.map((i) => i.id) } },
    });
    expect(untouched.every((i) => i.assigneeId === null)).toBe(true);

    const done = await t.lead.client.ok('item.bulkUpdate', {
      itemIds: batch.map((i) => i.id),
      expectedVersions: batch.map((i) => i.version),
      assigneeId: t.member.user.id,
      status: 'IN_PROGRESS',
    });
    expect(
      done.items.every((i) => i.assignee?.id === t.member.user.id && i.status === 'IN_PROGRESS'),
    ).toBe(true);
  });

  it('refuses mismatched lists and items of two projects', async () => {
    const mismatched = await t.lead.client.call('item.bulkUpdate', {
      itemIds: [(await leafIn('data', 10)).id],
      expectedVersions: [1, 2],
      status: 'DONE',
    });
    expect(mismatched.error?.data.fieldErrors?.expectedVersions?.[0]).toBe(
      'must have one expected version per item',
    );
    const templates = await builtInTemplates(db());
    const other = await t.lead.client.ok('project.create', {
      workspaceId: t.workspaceId,
      name: 'Second',
      templateId: templates.v1,
    });
    const otherItem = (await t.lead.client.ok('item.list', { projectId: other.id, limit: 1 }))
      .items[0]!;
    const mine = await leafIn('data', 11);
    const mixed = await t.lead.client.call('item.bulkUpdate', {
      itemIds: [mine.id, otherItem.id],
      expectedVersions: [mine.version, otherItem.version],
      status: 'DONE',
    });
    expect(mixed.status).toBe(400);
  });
});

describe('[items][custom] custom items, order, evidence, my work', () => {
  it('adds a custom item, moves it to the top, attaches and removes evidence', async () => {
    const custom = await t.member.client.ok('item.addCustom', {
      projectId: t.projectId,
      stageKey: 'data',
      title: 'Check the label noise in batch 7',
    });
    expect(custom.isCustom).toBe(true);
    const moved = await t.member.client.ok('item.move', {
      itemId: custom.id,
      expectedVersion: custom.version,
      position: 0,
    });
    expect(moved.position).toBe(0);
    const topLevel = (await items({ stageKey: 'data' })).filter((i) => i.parentId === null);
    const positions = topLevel.map((i) => i.position).sort((a, b) => a - b);
    expect(positions).toEqual(topLevel.map((_, i) => i));

    const withEvidence = await t.member.client.ok('item.addEvidence', {
      itemId: custom.id,
      expectedVersion: moved.version,
      kind: 'EXPERIMENT_RUN',
      url: 'https://mlflow.example/runs/42',
      label: 'Run 42',
    });
    expect(withEvidence.evidence.map((e) => e.url)).toEqual(['https://mlflow.example/runs/42']);
    const badUrl = await t.member.client.call('item.addEvidence', {
      itemId: custom.id,
      expectedVersion: withEvidence.version,
      kind: 'OTHER',
      url: 'javascript:alert(1)',
      label: 'x',
    });
    expect(badUrl.status).toBe(400);
    const removed = await t.member.client.ok('item.removeEvidence', {
      evidenceId: withEvidence.evidence[0]!.id,
      expectedVersion: withEvidence.version,
    });
    expect(removed.evidence).toEqual([]);
  });

  it('[items][member] evidence add/remove with a stale item version is a CONFLICT; nothing changes', async () => {
    const item = await leafIn('data', 14);
    const added = await t.member.client.ok('item.addEvidence', {
      itemId: item.id,
      expectedVersion: item.version,
      kind: 'DOCUMENT',
      url: 'https://docs.example/spec',
      label: 'Spec',
    });
    expect(added.version).toBe(item.version + 1);
    const evidenceCount = () => db().evidenceLink.count({ where: { itemId: item.id } });
    const activityCount = () => db().activityLog.count({ where: { entityType: 'evidence' } });
    const [countBefore, activityBefore] = [await evidenceCount(), await activityCount()];

    const staleAdd = await t.member.client.call('item.addEvidence', {
      itemId: item.id,
      expectedVersion: item.version,
      kind: 'DOCUMENT',
      url: 'https://docs.example/other',
      label: 'Other',
    });
    expect(staleAdd.status).toBe(409);
    expect(staleAdd.error?.data.current).toMatchObject({ id: item.id, version: added.version });

    const staleRemove = await t.member.client.call('item.removeEvidence', {
      evidenceId: added.evidence[0]!.id,
      expectedVersion: item.version,
    });
    expect(staleRemove.status).toBe(409);
    expect(staleRemove.error?.data.current).toMatchObject({
      id: item.id,
      version: added.version,
      evidence: [{ id: added.evidence[0]!.id }],
    });

    expect(await evidenceCount()).toBe(countBefore);
    expect(await activityCount()).toBe(activityBefore);
    const stored = await db().projectItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(stored.version).toBe(added.version);
  });

  it('item.mine lists the caller’s open items across projects, overdue first', async () => {
    const [a, b, c] = [
      await leafIn('modelling', 4),
      await leafIn('modelling', 5),
      await leafIn('modelling', 6),
    ];
    await t.lead.client.ok('item.update', {
      itemId: a.id,
      expectedVersion: a.version,
      assigneeId: t.viewer.user.id,
      dueDate: '2030-01-01',
    });
    await t.lead.client.ok('item.update', {
      itemId: b.id,
      expectedVersion: b.version,
      assigneeId: t.viewer.user.id,
      dueDate: '2020-01-01',
    });
    await t.lead.client.ok('item.update', {
      itemId: c.id,
      expectedVersion: c.version,
      assigneeId: t.viewer.user.id,
      status: 'DONE',
    });
    const mine = await t.viewer.client.ok('item.mine', {
      workspaceId: t.workspaceId,
    });
    const ids = mine.items.map((i) => i.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    expect(ids).not.toContain(c.id);
    expect(mine.items.find((i) => i.id === b.id)?.overdue).toBe(true);
  });
});

describe('[comments] threads on items', () => {
  it('add, list, edit (author only), delete (author or admin, soft)', async () => {
    const item = await leafIn('data', 12);
    const first = await t.member.client.ok('comment.add', {
      itemId: item.id,
      body: 'I think we need more negatives',
    });
    await t.lead.client.ok('comment.add', { itemId: item.id, body: 'Agreed' });
    const notAuthor = await t.lead.client.call('comment.edit', {
      commentId: first.id,
      expectedVersion: first.version,
      body: 'Hijacked',
    });
    expect(notAuthor.status).toBe(403);
    const edited = await t.member.client.ok('comment.edit', {
      commentId: first.id,
      expectedVersion: first.version,
      body: 'We need more negatives',
    });
    expect(edited.editedAt).not.toBeNull();
    const viewerDelete = await t.viewer.client.call('comment.delete', {
      commentId: first.id,
      expectedVersion: edited.version,
    });
    expect(viewerDelete.status).toBe(403);
    await t.lead.client.ok('comment.delete', {
      commentId: first.id,
      expectedVersion: edited.version,
    });
    const thread = await t.viewer.client.ok('comment.list', { itemId: item.id });
    expect(thread.items.map((c) => [c.body, c.deleted])).toEqual([
      [null, true],
      ['Agreed', false],
    ]);
    expect(await db().comment.count({ where: { itemId: item.id } })).toBe(2);
  });

  it('[comments][member] delete with a stale expectedVersion is a CONFLICT; nothing changes', async () => {
    const item = await leafIn('data', 13);
    const comment = await t.member.client.ok('comment.add', {
      itemId: item.id,
      body: 'First take',
    });
    const edited = await t.member.client.ok('comment.edit', {
      commentId: comment.id,
      expectedVersion: comment.version,
      body: 'Second take',
    });
    const activityBefore = await db().activityLog.count({ where: { entityId: comment.id } });
    const stale = await t.member.client.call('comment.delete', {
      commentId: comment.id,
      expectedVersion: comment.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.error?.data?.current).toMatchObject({
      id: comment.id,
      body: 'Second take',
      deleted: false,
      version: edited.version,
    });
    const stored = await db().comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(stored).toMatchObject({ deletedAt: null, body: 'Second take', version: edited.version });
    expect(await db().activityLog.count({ where: { entityId: comment.id } })).toBe(activityBefore);
  });
});
