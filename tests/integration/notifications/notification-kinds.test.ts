// Each kind of notification, derived from the activity log the way the
// background job does it: who is told, in what words, with what link; and
// nobody about their own actions.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMention } from '@shipshape/domain';
import { signUp } from '../../support/api-client';
import { useTestServer } from '../../support/server';
import { joinByInvitation, teamWithTwoProjects } from '../../support/teams';
import { deriveAll, inbox, inboxLines } from '../../support/notifications';

const server = useTestServer();
const db = () => server.current.database.db;
let t: Awaited<ReturnType<typeof teamWithTwoProjects>>;
let slug: string;

beforeAll(async () => {
  t = await teamWithTwoProjects(server.current);
  slug = (await db().workspace.findUniqueOrThrow({ where: { id: t.workspaceId } })).slug;
  await deriveAll(db());
});

async function anItem(index: number) {
  const page = await t.owner.client.ok('item.list', { projectId: t.churn.id, limit: 100 });
  return page.items[index]!;
}

async function update(client = t.owner.client, itemIndex: number, change: object) {
  const item = await anItem(itemIndex);
  return client.ok('item.update', { itemId: item.id, expectedVersion: item.version, ...change });
}

describe('[notifications] assignment', () => {
  it('tells the new assignee, with the actor, the title and a link straight to the item', async () => {
    const item = await update(t.owner.client, 0, { assigneeId: t.member.user.id });
    await deriveAll(db());
    const [entry] = await inbox(t.member.client);
    expect(entry).toMatchObject({
      kind: 'ASSIGNED',
      readAt: null,
      text: `Olivia Owner assigned you “${item.title}”.`,
      url: `/w/${slug}/p/${t.churn.id}/s/${encodeURIComponent(item.stageKey)}#item-${item.id}`,
      item: { id: item.id, title: item.title },
      project: { id: t.churn.id, name: 'Churn prediction' },
      actor: { id: t.owner.user.id, name: 'Olivia Owner' },
    });
    expect(await inbox(t.owner.client)).toEqual([]);
  });

  it('tells the previous assignee when the item goes to someone else', async () => {
    const item = await update(t.owner.client, 0, { assigneeId: t.admin.user.id });
    await deriveAll(db());
    expect((await inbox(t.member.client))[0]).toMatchObject({
      kind: 'UNASSIGNED',
      text: `Olivia Owner unassigned you from “${item.title}”.`,
    });
    expect((await inbox(t.admin.client))[0]?.kind).toBe('ASSIGNED');
  });

  it('tells nobody when people assign themselves', async () => {
    const before = await inbox(t.member.client);
    await update(t.member.client, 1, { assigneeId: t.member.user.id });
    await deriveAll(db());
    expect(await inbox(t.member.client)).toEqual(before);
  });

  it('covers bulk assignment, one notification per item', async () => {
    const items = [await anItem(5), await anItem(6)];
    await t.owner.client.ok('item.bulkUpdate', {
      itemIds: items.map((i) => i.id),
      expectedVersions: items.map((i) => i.version),
      assigneeId: t.viewer.user.id,
    });
    await deriveAll(db());
    const lines = await inboxLines(t.viewer.client);
    expect(lines.filter((l) => l.startsWith('ASSIGNED')).length).toBe(2);
  });
});

describe('[notifications] comments, mentions and watching', () => {
  it('notifies a mentioned member by id, not an outsider, and makes them watch the item', async () => {
    const outsider = await signUp(server.current.url, { name: 'Oscar Outsider' });
    const item = await anItem(2);
    await t.owner.client.ok('comment.add', {
      itemId: item.id,
      body: `Can you look, ${formatMention({ id: t.member.user.id, name: 'Mia' })} and ${formatMention({ id: outsider.user.id, name: 'Oscar' })}?`,
    });
    await deriveAll(db());
    expect((await inbox(t.member.client))[0]).toMatchObject({
      kind: 'MENTIONED',
      text: `Olivia Owner mentioned you in a comment on “${item.title}”.`,
    });
    expect(await inbox(outsider.client)).toEqual([]);
    expect(await t.member.client.ok('notification.itemWatch', { itemId: item.id })).toEqual({
      watching: true,
    });
  });

  it('tells watchers and the assignee of a comment, not its author', async () => {
    const item = await anItem(2);
    await t.owner.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      assigneeId: t.admin.user.id,
    });
    await t.member.client.ok('comment.add', { itemId: item.id, body: 'Done on my side.' });
    await deriveAll(db());
    // The owner commented first (so watches it); the admin is the assignee.
    expect((await inbox(t.owner.client))[0]).toMatchObject({
      kind: 'COMMENTED',
      text: `Mia Member commented on “${item.title}”.`,
    });
    expect((await inbox(t.admin.client))[0]?.kind).toBe('COMMENTED');
    expect((await inbox(t.member.client))[0]?.kind).toBe('MENTIONED');
  });

  it('tells watchers of a status change; an unwatched item stays quiet', async () => {
    const item = await anItem(2);
    await t.owner.client.ok('notification.unwatchItem', { itemId: item.id });
    await t.admin.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      status: 'DONE',
      allowOpenChildren: true,
    });
    await deriveAll(db());
    expect((await inbox(t.member.client))[0]).toMatchObject({
      kind: 'STATUS_CHANGED',
      text: `Ada Admin marked “${item.title}” done.`,
    });
    expect((await inbox(t.owner.client))[0]?.kind).toBe('COMMENTED');
  });

  it('tells the watchers of a whole project of every item there', async () => {
    await t.viewer.client.ok('notification.watchProject', { projectId: t.fraud.id });
    const page = await t.owner.client.ok('item.list', { projectId: t.fraud.id, limit: 1 });
    await t.owner.client.ok('comment.add', { itemId: page.items[0]!.id, body: 'Kick-off' });
    await deriveAll(db());
    expect((await inbox(t.viewer.client))[0]).toMatchObject({
      kind: 'COMMENTED',
      project: { id: t.fraud.id },
    });
    expect(
      await t.viewer.client.ok('notification.projectWatch', { projectId: t.fraud.id }),
    ).toEqual({
      watching: true,
    });
  });
});

describe('[notifications] KPIs and invitations', () => {
  it('tells project watchers when a KPI goes off track, once', async () => {
    const kpi = await t.owner.client.ok('kpi.create', {
      projectId: t.fraud.id,
      name: 'Recall',
      kind: 'MODEL',
      unit: '',
      direction: 'HIGHER_IS_BETTER',
      baseline: 0.5,
      target: 0.9,
    });
    await t.owner.client.ok('kpi.record', { kpiId: kpi.id, value: 0.85 });
    await deriveAll(db());
    const before = (await inbox(t.viewer.client)).length;
    await t.owner.client.ok('kpi.record', { kpiId: kpi.id, value: 0.4 });
    await t.owner.client.ok('kpi.record', { kpiId: kpi.id, value: 0.3 });
    await deriveAll(db());
    const entries = await inbox(t.viewer.client);
    expect(entries.length).toBe(before + 1);
    expect(entries[0]).toMatchObject({
      kind: 'KPI_OFF_TRACK',
      url: `/w/${slug}/p/${t.fraud.id}/kpis`,
    });
    expect(entries[0]!.text).toContain('“Recall” went off track');
    expect(
      await inbox(t.owner.client).then((e) => e.filter((n) => n.kind === 'KPI_OFF_TRACK')),
    ).toEqual([]);
  });

  it('tells the inviter when their invitation is accepted', async () => {
    const newcomer = await signUp(server.current.url, { name: 'Nina New' });
    await joinByInvitation(t.admin.client, t.workspaceId, newcomer, 'MEMBER');
    await deriveAll(db());
    expect((await inbox(t.admin.client))[0]).toMatchObject({
      kind: 'INVITATION_ACCEPTED',
      text: 'Nina New accepted your invitation and joined “ML team”.',
      url: `/w/${slug}/settings/members`,
    });
  });
});
