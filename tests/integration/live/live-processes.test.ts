// Live updates across real API processes (apps/api/src/main.ts): a change
// committed through one process reaches a subscriber of another through
// Postgres LISTEN/NOTIFY; the embedded database's in-process path does the
// same inside one process; and SIGTERM ends open streams at once instead of
// waiting for them.
import { inject, afterAll, describe, expect, it } from 'vitest';
import { signUp, type SignedUp } from '../../support/api-client';
import { startApiProcess, type ApiProcess } from '../../support/api-process';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { openLiveStream, type LiveStream } from '../../support/live-stream';

const onServer = inject('testDatabase').kind === 'server';
const started: ApiProcess[] = [];
const databases: Array<{ drop(): Promise<void> }> = [];

afterAll(async () => {
  for (const api of started) if (api.child.exitCode === null) api.child.kill('SIGKILL');
  for (const database of databases) await database.drop();
});

async function api(env: { DATABASE_URL?: string } = {}): Promise<ApiProcess> {
  const process = await startApiProcess(env);
  started.push(process);
  return process;
}

/** A workspace with a project, its owner signed in on `url`. */
async function workspaceOn(url: string) {
  const owner = await signUp(url, { name: 'Olivia Owner' });
  const workspace = await owner.client.ok('workspace.create', { name: 'Live team' });
  const project = await owner.client.ok('project.create', {
    workspaceId: workspace.id,
    name: 'Churn prediction',
  });
  return { owner, workspaceId: workspace.id, project };
}

async function subscribe(url: string, person: SignedUp, workspaceId: string): Promise<LiveStream> {
  const stream = await openLiveStream(
    url,
    { workspaceId },
    { accessToken: person.client.accessToken },
  );
  await stream.waitFor((m) => m.event === 'connected');
  return stream;
}

const renamed = (m: { event: string; data: unknown }) =>
  m.event === '' && (m.data as { entityType?: string }).entityType === 'project';

describe('[live][processes] several API processes, one Postgres', () => {
  it.skipIf(!onServer)(
    'a change committed through one process reaches a subscriber connected to another within 2 s',
    async () => {
      const database: TestDatabase & { drop(): Promise<void> } = await createTestDatabase();
      databases.push(database);
      // One after the other: each applies pending migrations as it starts.
      const a = await api({ DATABASE_URL: database.url });
      const b = await api({ DATABASE_URL: database.url });
      const team = await workspaceOn(a.url);
      const teammate = await signUp(b.url, { name: 'Mia Member' });
      await database.db.membership.create({
        data: { workspaceId: team.workspaceId, userId: teammate.user.id, role: 'MEMBER' },
      });
      const stream = await subscribe(b.url, teammate, team.workspaceId);
      const sent = Date.now();
      await team.owner.client.ok('project.update', {
        projectId: team.project.id,
        expectedVersion: team.project.version,
        name: 'Churn prediction v2',
      });
      const message = await stream.waitFor(renamed, 2_000);
      expect(Date.now() - sent).toBeLessThan(2_000);
      expect(message.data).toMatchObject({
        projectId: team.project.id,
        actorId: team.owner.user.id,
        action: expect.any(String),
      });
      stream.close();
    },
  );
});

describe('[live][embedded] the embedded database (PGlite) in the API process', () => {
  it('tells subscribers of committed changes through its in-process path', async () => {
    const process = await api();
    const team = await workspaceOn(process.url);
    const stream = await subscribe(process.url, team.owner, team.workspaceId);
    await team.owner.client.ok('project.update', {
      projectId: team.project.id,
      expectedVersion: team.project.version,
      name: 'Renamed on PGlite',
    });
    await stream.waitFor(renamed, 2_000);
    stream.close();
  });
});

describe('[live][shutdown] SIGTERM with open streams', () => {
  it('ends every open stream at once and exits promptly, without waiting for them', async () => {
    const process = await api();
    const team = await workspaceOn(process.url);
    const streams = await Promise.all(
      [1, 2, 3].map(() => subscribe(process.url, team.owner, team.workspaceId)),
    );
    const signalled = Date.now();
    process.child.kill('SIGTERM');
    await Promise.all(streams.map((stream) => stream.ended));
    const streamsEndedMs = Date.now() - signalled;
    const exit = await process.exited;
    expect(streamsEndedMs).toBeLessThan(1_500);
    // Each was told to reconnect elsewhere (a retryable error), not that it is over.
    for (const stream of streams)
      expect(await stream.refusal(0)).toMatchObject({ httpStatus: 503 });
    expect(exit.code).toBe(0);
    // The drain's quiet moment and the database's close, not the 8 s grace.
    expect(exit.at - signalled).toBeLessThan(4_000);
  });
});
