// The activity log: every lesson write records who did what with before and
// after, in the write's own transaction; activity.list reads it newest first,
// page by page, per workspace or project — over real HTTP and Postgres.
import { describe, expect, it } from 'vitest';
import { ApiClient, signUp } from '../../support/api-client';
import type { ProcedureInput, ProcedureOutput } from '../../support/api-types';
import { useTestServer } from '../../support/server';
import { addMember, teamWithTwoProjects } from '../../support/teams';

const server = useTestServer();
const url = () => server.current.url;
const db = () => server.current.database.db;

type Entry = ProcedureOutput<'activity.list'>['items'][number];

const team = (name?: string) => teamWithTwoProjects(server.current, name);

function createLesson(client: ApiClient, projectId: string, title: string) {
  return client.ok('lesson.create', {
    projectId,
    title,
    tried: 'Tried it.',
    happened: 'It broke.',
    learnt: 'Do not.',
    tags: ['Alpha'],
  });
}

async function walk(client: ApiClient, input: ProcedureInput<'activity.list'>): Promise<Entry[][]> {
  const pages: Entry[][] = [];
  let cursor: string | undefined;
  do {
    const page = await client.ok('activity.list', {
      ...input,
      ...(cursor ? { cursor } : {}),
    });
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
    if (pages.length > 100) throw new Error('pagination does not end');
  } while (cursor);
  return pages;
}

describe('[activity][lessons] lesson writes are logged', () => {
  it('[activity][lessons] create, update and delete each record one entry with actor, before and after', async () => {
    const t = await team();
    const lesson = await createLesson(t.member.client, t.churn.id, 'First title');
    await t.owner.client.ok('lesson.update', {
      lessonId: lesson.id,
      expectedVersion: 1,
      title: 'Second title',
      tags: ['alpha', 'Beta'],
    });
    await t.member.client.ok('lesson.delete', { lessonId: lesson.id, expectedVersion: 2 });

    const page = await t.viewer.client.ok('activity.list', {
      workspaceId: t.workspaceId,
      projectId: t.churn.id,
    });
    const lessonEntries = page.items.filter((e) => e.entityType === 'lesson');
    expect(lessonEntries.map((e) => e.action)).toEqual([
      'lesson.deleted',
      'lesson.updated',
      'lesson.created',
    ]);
    const [deleted, updated, created] = lessonEntries as [Entry, Entry, Entry];
    for (const entry of lessonEntries) {
      expect(entry).toMatchObject({
        workspaceId: t.workspaceId,
        projectId: t.churn.id,
        entityId: lesson.id,
      });
      expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
    }
    expect(created.actor).toEqual({ id: t.member.user.id, name: 'Mia Member' });
    expect(created.before).toBeNull();
    expect(created.after).toMatchObject({
      id: lesson.id,
      title: 'First title',
      tags: ['alpha'],
      version: 1,
    });
    // An update records the fields that changed, and the versions.
    expect(updated.actor).toEqual({ id: t.owner.user.id, name: 'Olivia Owner' });
    expect(updated.before).toEqual({ title: 'First title', tags: ['alpha'], version: 1 });
    expect(updated.after).toEqual({ title: 'Second title', tags: ['alpha', 'beta'], version: 2 });
    expect(deleted.actor?.id).toBe(t.member.user.id);
    expect(deleted.before).toMatchObject({ title: 'Second title', version: 2 });
    expect(deleted.after).toMatchObject({ version: 3 });
    // `after` is whatever the writing procedure recorded: unknown to the schema.
    expect(typeof (deleted.after as { deletedAt?: unknown } | null)?.deletedAt).toBe('string');

    // The log agrees with the database, ids ascending in write order.
    const rows = await db().activityLog.findMany({
      where: { entityId: lesson.id },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((r) => r.id.toString())).toEqual([created.id, updated.id, deleted.id]);
  });

  it('[activity][lessons] a refused write records nothing', async () => {
    const t = await team();
    const lesson = await createLesson(t.member.client, t.churn.id, 'Only entry');
    const count = () => db().activityLog.count({ where: { workspaceId: t.workspaceId } });
    const before = await count();
    const refused = [
      // Stale version: CONFLICT.
      await t.member.client.call('lesson.update', {
        lessonId: lesson.id,
        expectedVersion: 9,
        title: 'x',
      }),
      await t.member.client.call('lesson.delete', { lessonId: lesson.id, expectedVersion: 9 }),
      // Business rule: BAD_REQUEST after the role check passed.
      await t.member.client.call('lesson.create', {
        projectId: t.churn.id,
        stageKey: 'no-such-stage',
        title: 'x',
        tried: 'x',
        happened: 'x',
        learnt: 'x',
      }),
      // Role: FORBIDDEN.
      await t.viewer.client.call('lesson.update', {
        lessonId: lesson.id,
        expectedVersion: 1,
        title: 'x',
      }),
      await t.member.client.call('lesson.delete', {
        lessonId: (await createLesson(t.owner.client, t.churn.id, 'Owner’s')).id,
        expectedVersion: 1,
      }),
    ];
    expect(refused.map((r) => r.status)).toEqual([409, 409, 400, 403, 403]);
    // Only the owner's lesson.created was added.
    expect(await count()).toBe(before + 1);
  });
});

describe('[activity][list] reading the log', () => {
  it('[activity][list] walks every page newest first, with no duplicates or gaps', async () => {
    const t = await team();
    for (let i = 0; i < 9; i++) {
      const lesson = await createLesson(t.member.client, i % 2 ? t.churn.id : t.fraud.id, `L${i}`);
      if (i % 3 === 0) {
        await t.member.client.ok('lesson.update', {
          lessonId: lesson.id,
          expectedVersion: 1,
          title: `L${i} edited`,
        });
      }
    }
    const expected = (
      await db().activityLog.findMany({
        where: { workspaceId: t.workspaceId },
        orderBy: { id: 'desc' },
        select: { id: true },
      })
    ).map((r) => r.id.toString());
    // workspace.created, 2 × project.created, 9 lessons, 3 edits.
    expect(expected.length).toBe(15);
    const pages = await walk(t.viewer.client, { workspaceId: t.workspaceId, limit: 4 });
    expect(pages.map((p) => p.length)).toEqual([4, 4, 4, 3]);
    const walked = pages.flat().map((e) => e.id);
    expect(walked).toEqual(expected);
    expect(new Set(walked).size).toBe(expected.length);
    const all = await t.viewer.client.ok('activity.list', { workspaceId: t.workspaceId });
    expect(all.items.map((e) => e.id)).toEqual(expected);
    expect(all.nextCursor).toBeNull();
  });

  it('[activity][list] projectId narrows it to one project; another workspace’s project is NOT_FOUND', async () => {
    const t = await team();
    await createLesson(t.member.client, t.churn.id, 'Churn lesson');
    await createLesson(t.member.client, t.fraud.id, 'Fraud lesson');
    await createLesson(t.member.client, t.fraud.id, 'Fraud lesson 2');
    const fraud = await walk(t.viewer.client, {
      workspaceId: t.workspaceId,
      projectId: t.fraud.id,
      limit: 2,
    });
    const entries = fraud.flat();
    // project.created and two lesson.created.
    expect(entries.map((e) => e.action)).toEqual([
      'lesson.created',
      'lesson.created',
      'project.created',
    ]);
    expect(entries.every((e) => e.projectId === t.fraud.id)).toBe(true);

    const other = await team('Other team');
    const foreign = await t.owner.client.call('activity.list', {
      workspaceId: t.workspaceId,
      projectId: other.churn.id,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.error?.message).toBe('Project not found.');
    const missing = await t.owner.client.call('activity.list', {
      workspaceId: t.workspaceId,
      projectId: '00000000-0000-7000-8000-000000000000',
    });
    expect(missing.status).toBe(404);
  });

  it('[activity][list] viewers read it; outsiders get NOT_FOUND and anonymous callers 401; bad input is a 400', async () => {
    const t = await team();
    expect(
      (await t.viewer.client.call('activity.list', { workspaceId: t.workspaceId })).status,
    ).toBe(200);
    const outsider = await signUp(url());
    expect(
      (await outsider.client.call('activity.list', { workspaceId: t.workspaceId })).status,
    ).toBe(404);
    expect(
      (await new ApiClient(url()).call('activity.list', { workspaceId: t.workspaceId })).status,
    ).toBe(401);
    for (const bad of [
      { cursor: 'abc' },
      { cursor: '-1' },
      { cursor: '99999999999999999999' },
      { cursor: '9223372036854775808' },
      { limit: 0 },
      { limit: 101 },
      { actorId: t.owner.user.id },
    ]) {
      const result = await t.viewer.client.callRaw('activity.list', {
        workspaceId: t.workspaceId,
        ...bad,
      });
      expect(result.status, JSON.stringify(bad)).toBe(400);
    }
    const largest = await t.viewer.client.ok('activity.list', {
      workspaceId: t.workspaceId,
      cursor: '9223372036854775807',
    });
    expect(largest.items.length).toBeGreaterThan(0);
  });

  it('[activity][list] the actor is null once their account is gone', async () => {
    const t = await team();
    const leaver = await addMember(server.current, t.workspaceId, 'MEMBER', 'Lee Leaver');
    const lesson = await createLesson(leaver.client, t.churn.id, 'Left behind');
    await db().user.delete({ where: { id: leaver.user.id } });
    const page = await t.viewer.client.ok('activity.list', { workspaceId: t.workspaceId });
    const entry = page.items.find((e) => e.entityId === lesson.id)!;
    expect(entry.actor).toBeNull();
    expect(entry.action).toBe('lesson.created');
    const read = await t.viewer.client.ok('lesson.get', {
      lessonId: lesson.id,
    });
    expect(read.author).toBeNull();
  });

  it('[activity][list] an invitation’s details (the invitee’s email) are shown to admins only', async () => {
    const t = await team();
    const email = `invitee.${Date.now()}@example.test`;
    await t.owner.client.ok('workspace.invite', {
      workspaceId: t.workspaceId,
      email,
      role: 'MEMBER',
    });
    const asOwner = await t.owner.client.ok('activity.list', { workspaceId: t.workspaceId });
    const ownerSees = asOwner.items.find((e) => e.action === 'invitation.created')!;
    expect(ownerSees.after).toMatchObject({ email });
    const asViewer = await t.viewer.client.ok('activity.list', {
      workspaceId: t.workspaceId,
    });
    const viewerSees = asViewer.items.find((e) => e.action === 'invitation.created')!;
    expect(viewerSees).toMatchObject({ actor: { id: t.owner.user.id }, before: null, after: null });
    expect(JSON.stringify(asViewer)).not.toContain(email);
  });

  it('[activity][list] entries name what they are about: item title, project name, invitee (admins only)', async () => {
    const t = await team();
    const item = await db().projectItem.findFirstOrThrow({
      where: { projectId: t.churn.id },
      orderBy: { id: 'asc' },
    });
    await t.member.client.ok('comment.add', { itemId: item.id, body: 'Looks fine.' });
    await createLesson(t.member.client, t.churn.id, 'Split by time');
    const email = `named.${Date.now()}@example.test`;
    await t.owner.client.ok('workspace.invite', {
      workspaceId: t.workspaceId,
      email,
      role: 'ADMIN',
    });
    const read = async (client: ApiClient) =>
      (await client.ok('activity.list', { workspaceId: t.workspaceId })).items;
    const asOwner = await read(t.owner.client);
    expect(asOwner.find((e) => e.action === 'comment.added')).toMatchObject({
      entityTitle: item.title,
      projectName: 'Churn prediction',
      invitee: null,
    });
    expect(asOwner.find((e) => e.action === 'lesson.created')).toMatchObject({
      entityTitle: 'Split by time',
      projectName: 'Churn prediction',
    });
    expect(
      asOwner.find((e) => e.action === 'project.created' && e.entityId === t.fraud.id),
    ).toMatchObject({ entityTitle: 'Fraud detection' });
    expect(asOwner.find((e) => e.action === 'invitation.created')).toMatchObject({
      projectName: null,
      invitee: { email, role: 'ADMIN' },
    });
    const asViewer = await read(t.viewer.client);
    expect(asViewer.find((e) => e.action === 'invitation.created')).toMatchObject({
      invitee: null,
    });
    expect(JSON.stringify(asViewer)).not.toContain(email);
  });

  it('[activity][tenancy] another workspace’s activity never appears', async () => {
    const ours = await team('Ours');
    const theirs = await team('Theirs');
    const MARKER = 'quokkamarker';
    await createLesson(theirs.member.client, theirs.churn.id, `Secret ${MARKER}`);
    await createLesson(ours.member.client, ours.churn.id, 'Ours');
    const pages = await walk(ours.viewer.client, { workspaceId: ours.workspaceId, limit: 2 });
    const entries = pages.flat();
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.workspaceId === ours.workspaceId)).toBe(true);
    expect(JSON.stringify(pages)).not.toContain(MARKER);
    // Their ids can't be used as a cursor to see more than our own.
    const theirNewest = await db().activityLog.findFirstOrThrow({
      where: { workspaceId: theirs.workspaceId },
      orderBy: { id: 'desc' },
    });
    const fromTheirs = await ours.viewer.client.ok('activity.list', {
      workspaceId: ours.workspaceId,
      cursor: (theirNewest.id + 1n).toString(),
      limit: 100,
    });
    expect(fromTheirs.items.every((e) => e.workspaceId === ours.workspaceId)).toBe(true);
    expect(JSON.stringify(fromTheirs)).not.toContain(MARKER);
  });
});
