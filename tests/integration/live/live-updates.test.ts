// Live updates over server-sent events (`live.workspace`), against a real
// Postgres and a real HTTP server: teammates' committed changes reach a
// subscriber, outsiders and removed members get nothing, a dropped stream
// resumes from its last event id.
import { describe, expect, it } from 'vitest';
import { signUp } from '../../support/api-client';
import { openLiveStream, type LiveStream } from '../../support/live-stream';
import { deriveAll } from '../../support/notifications';
import { useTestServer } from '../../support/server';
import { addMember, teamWithTwoProjects } from '../../support/teams';

const server = useTestServer();

async function firstItemOf(projectId: string) {
  const item = await server.current.database.db.projectItem.findFirst({
    where: { projectId, parentId: null },
    orderBy: { position: 'asc' },
    select: { id: true, version: true },
  });
  if (!item) throw new Error('no item');
  return item;
}

const isChange = (entityType: string) => (m: { event: string; data: unknown }) =>
  m.event === '' && (m.data as { entityType?: string }).entityType === entityType;

async function connected(stream: LiveStream): Promise<LiveStream> {
  expect(stream.status).toBe(200);
  await stream.waitFor((m) => m.event === 'connected');
  return stream;
}

describe('[live] workspace stream', () => {
  it("[live][member] receives a teammate's committed change within 2 s, naming the actor and project", async () => {
    const team = await teamWithTwoProjects(server.current);
    const item = await firstItemOf(team.churn.id);
    const stream = await connected(
      await openLiveStream(
        server.current.url,
        { workspaceId: team.workspaceId },
        { accessToken: team.viewer.client.accessToken },
      ),
    );
    expect(stream.headers.get('x-accel-buffering')).toBe('no');
    const started = Date.now();
    await team.member.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      status: 'DONE',
    });
    const message = await stream.waitFor(isChange('item'), 2_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(message.data).toMatchObject({
      kind: 'change',
      projectId: team.churn.id,
      actorId: team.member.user.id,
      entityId: item.id,
    });
    // The event id is the activity id, so a reconnect can resume after it.
    expect(message.id).toBe((message.data as { id: string }).id);
    stream.close();
  });

  it("[live][inbox] a new notification reaches its recipient's stream only, without moving the resume point", async () => {
    const team = await teamWithTwoProjects(server.current);
    const item = await firstItemOf(team.churn.id);
    const open = (client: { accessToken?: string | undefined }) =>
      openLiveStream(
        server.current.url,
        { workspaceId: team.workspaceId },
        { accessToken: client.accessToken },
      ).then(connected);
    const assignee = await open(team.member.client);
    const bystander = await open(team.viewer.client);
    await team.owner.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      assigneeId: team.member.user.id,
    });
    const change = await assignee.waitFor(isChange('item'), 2_000);
    const started = Date.now();
    await deriveAll(server.current.database.db);
    const notice = await assignee.waitFor(isChange('notification'), 2_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(notice.data).toMatchObject({ entityId: team.member.user.id, actorId: null });
    // The event id stays the last activity's: a reconnect resumes after it.
    expect(notice.id).toBe(change.id);
    await bystander.waitFor(isChange('item'), 2_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bystander.messages.filter(isChange('notification'))).toEqual([]);
    assignee.close();
    bystander.close();
  });

  it('[live][member] a browser without a bearer header is let in by its session cookie', async () => {
    const team = await teamWithTwoProjects(server.current);
    const cookie = [...team.member.client.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
    const stream = await connected(
      await openLiveStream(server.current.url, { workspaceId: team.workspaceId }, { cookie }),
    );
    const item = await firstItemOf(team.fraud.id);
    await team.owner.client.ok('comment.add', { itemId: item.id, body: 'Seen live' });
    await stream.waitFor(isChange('comment'), 2_000);
    stream.close();
    // A cookie that names no session gets nothing.
    const forged = await openLiveStream(
      server.current.url,
      { workspaceId: team.workspaceId },
      { cookie: 'shipshape_refresh=not-a-token' },
    );
    expect(await forged.refusal()).toMatchObject({ httpStatus: 401, code: 'UNAUTHORIZED' });
    // Nor does the real cookie sent from another site's page.
    const crossSite = await openLiveStream(
      server.current.url,
      { workspaceId: team.workspaceId },
      { cookie, crossSite: true },
    );
    expect(await crossSite.refusal()).toMatchObject({ httpStatus: 401 });
  });

  it('[live][outsider] cannot subscribe to a workspace it is not in, and sees nothing of it', async () => {
    const team = await teamWithTwoProjects(server.current);
    const outsider = await signUp(server.current.url, { name: 'Otto Outsider' });
    const refused = await openLiveStream(
      server.current.url,
      { workspaceId: team.workspaceId },
      { accessToken: outsider.client.accessToken },
    );
    // Worded exactly as for a workspace that does not exist.
    expect(await refused.refusal()).toEqual({
      httpStatus: 404,
      code: 'NOT_FOUND',
      message: 'Workspace not found.',
    });
    await refused.ended;
    const anonymous = await openLiveStream(server.current.url, { workspaceId: team.workspaceId });
    expect(await anonymous.refusal()).toMatchObject({ httpStatus: 401 });
    expect(refused.events()).toEqual([]);
  });

  it("[live][removed member] the stream ends as soon as the member is removed, before any more of the workspace's changes", async () => {
    const team = await teamWithTwoProjects(server.current);
    const stream = await connected(
      await openLiveStream(
        server.current.url,
        { workspaceId: team.workspaceId },
        { accessToken: team.member.client.accessToken },
      ),
    );
    const started = Date.now();
    await team.owner.client.ok('workspace.removeMember', {
      workspaceId: team.workspaceId,
      userId: team.member.user.id,
    });
    const error = await stream.waitFor((m) => m.event === 'serialized-error', 2_000);
    expect(JSON.stringify(error.data)).toContain('FORBIDDEN');
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(stream.events().filter((e) => e.kind === 'change')).toEqual([]);
  });

  it('[live][resume] reconnecting with the last event id replays exactly the changes missed meanwhile', async () => {
    const team = await teamWithTwoProjects(server.current);
    const item = await firstItemOf(team.churn.id);
    const auth = { accessToken: team.viewer.client.accessToken };
    const first = await connected(
      await openLiveStream(server.current.url, { workspaceId: team.workspaceId }, auth),
    );
    await team.owner.client.ok('comment.add', { itemId: item.id, body: 'before the drop' });
    const seen = await first.waitFor(isChange('comment'), 2_000);
    first.close();

    await team.owner.client.ok('comment.add', { itemId: item.id, body: 'while away 1' });
    await team.member.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      status: 'IN_PROGRESS',
    });

    const resumed = await connected(
      await openLiveStream(
        server.current.url,
        { workspaceId: team.workspaceId, lastEventId: seen.id! },
        auth,
      ),
    );
    await resumed.waitFor(isChange('item'), 2_000);
    // What came after the last event seen, in order (a few earlier ones may be
    // told again: the overlap for transactions that committed out of id order).
    const missed = resumed.events().filter((e) => BigInt(e.eventId!) > BigInt(seen.id!));
    expect(missed.map((e) => e.kind === 'change' && e.entityType)).toEqual(['comment', 'item']);
    expect(resumed.events().map((e) => e.eventId)).not.toContain(seen.id);
    resumed.close();

    // An id it cannot place (another workspace's, or long gone): reload everything.
    const lost = await connected(
      await openLiveStream(
        server.current.url,
        { workspaceId: team.workspaceId, lastEventId: '1' },
        auth,
      ),
    );
    await lost.waitFor((m) => m.event === '' && (m.data as { kind: string }).kind === 'refetch');
    lost.close();
  });

  it("[live] a new member's stream includes workspace-wide changes, and one workspace never sees another's", async () => {
    const team = await teamWithTwoProjects(server.current);
    const other = await teamWithTwoProjects(server.current, 'Other team');
    const newcomer = await addMember(server.current, team.workspaceId, 'VIEWER', 'Nina New');
    const stream = await connected(
      await openLiveStream(
        server.current.url,
        { workspaceId: team.workspaceId },
        { accessToken: newcomer.client.accessToken },
      ),
    );
    const otherItem = await firstItemOf(other.churn.id);
    await other.owner.client.ok('comment.add', { itemId: otherItem.id, body: 'elsewhere' });
    await team.owner.client.ok('workspace.update', {
      workspaceId: team.workspaceId,
      name: 'ML team, renamed',
      expectedVersion: 1,
    });
    await stream.waitFor(isChange('workspace'), 2_000);
    expect(stream.events().some((e) => e.kind === 'change' && e.entityType === 'comment')).toBe(
      false,
    );
    stream.close();
  });
});
