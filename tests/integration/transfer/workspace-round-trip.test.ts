// A whole workspace exported as JSON and imported as a new workspace, on the
// same server and on another one.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TWorkspaceDocument } from '@shipshape/domain';
import { signUp } from '../../support/api-client';
import { useTestServer } from '../../support/server';
import { exportJson, richProject, type RichProject } from '../../support/transfer';

const server = useTestServer();
const elsewhere = useTestServer();
let source: RichProject;
type WorkspaceJson = Omit<TWorkspaceDocument, 'exportedAt'> & { exportedAt: string };
let original: WorkspaceJson;

beforeAll(async () => {
  source = await richProject(server.current, { owner: 'olivia.workspace@ex.test' });
  // A second project, on the built-in checklist, and a lesson-free one archived.
  const builtIn = (
    await source.owner.client.ok('template.list', { workspaceId: source.workspaceId })
  ).find((t) => t.builtIn)!;
  const second = await source.owner.client.ok('project.create', {
    workspaceId: source.workspaceId,
    name: 'Fraud detection',
    templateId: builtIn.id,
  });
  await source.owner.client.ok('project.archive', {
    projectId: second.id,
    expectedVersion: second.version,
  });
  const file = await source.owner.client.ok('workspace.export', {
    workspaceId: source.workspaceId,
  });
  original = JSON.parse(file.content) as WorkspaceJson;
}, 60_000);

const withoutTime = ({ exportedAt: _t, ...rest }: WorkspaceJson) => rest;

describe('[transfer][workspace] export', () => {
  it('has the members by email and role, the templates, and every project', async () => {
    expect(original.format).toBe('shipshape.workspace');
    expect(original.version).toBe(1);
    expect(original.members).toEqual([
      { email: 'olivia.workspace@ex.test', name: 'Olivia Owner', role: 'OWNER' },
      { email: source.member.user.email, name: 'Mia Member', role: 'MEMBER' },
    ]);
    expect(original.templates.map((t) => [t.name, t.builtIn])).toEqual([
      ['Transfer checklist', false],
      [expect.any(String), true],
    ]);
    expect(original.projects.map((p) => [p.name, p.archived])).toEqual([
      ['Churn = prediction', false],
      ['Fraud detection', true],
    ]);
    // Each project as the project export has it.
    const single = await exportJson(source.owner.client, source.projectId);
    expect(original.projects[0]).toEqual(single.project);
  });

  it('[member] cannot export the whole workspace', async () => {
    const result = await source.member.client.call('workspace.export', {
      workspaceId: source.workspaceId,
    });
    expect(result.status).toBe(403);
  });
});

describe('[transfer][workspace] import', () => {
  it('into a new workspace of the same server: the caller owns it, members are listed to invite, all else is kept', async () => {
    const imported = await source.owner.client.ok('workspace.import', {
      document: JSON.stringify(original),
      name: 'Restored team',
    });
    expect(imported.workspace).toMatchObject({ name: 'Restored team', role: 'OWNER' });
    expect(imported.report).toMatchObject({
      projects: 2,
      membersToInvite: [{ email: source.member.user.email, role: 'MEMBER' }],
      unmatchedPeople: [source.member.user.email],
    });
    // Built in: matched on this server; the workspace's own: stored again in the new one.
    expect(imported.report.templates.map((t) => t.reused)).toEqual([false, true]);
    const members = await source.owner.client.ok('workspace.members', {
      workspaceId: imported.workspace.id,
    });
    expect(members.map((m) => m.role)).toEqual(['OWNER']);
    // Once Mia is a member again, a second import of the same document keeps everything.
    await server.current.database.db.membership.create({
      data: { workspaceId: imported.workspace.id, userId: source.member.user.id, role: 'MEMBER' },
    });
    const file = await source.owner.client.ok('workspace.export', {
      workspaceId: imported.workspace.id,
    });
    const again = JSON.parse(file.content) as WorkspaceJson;
    expect(again.workspace).toEqual({ ...original.workspace, name: 'Restored team' });
    expect(again.templates).toEqual(original.templates);
    expect(again.projects.map((p) => p.name)).toEqual(original.projects.map((p) => p.name));
    expect(again.projects[1]).toEqual(original.projects[1]);
  });

  it('into another Shipshape: the same document, every field, where everyone has an account', async () => {
    const olivia = await signUp(elsewhere.current.url, {
      name: 'Olivia Owner',
      email: 'olivia.workspace@ex.test',
    });
    const imported = await olivia.client.ok('workspace.import', {
      document: JSON.stringify(original),
    });
    expect(imported.workspace.name).toBe('Source team');
    const mia = await signUp(elsewhere.current.url, {
      name: 'Mia Member',
      email: source.member.user.email,
    });
    await elsewhere.current.database.db.membership.create({
      data: { workspaceId: imported.workspace.id, userId: mia.user.id, role: 'MEMBER' },
    });
    // Now that Mia is there, the project imported again matches her by email.
    const project = await olivia.client.ok('project.import', {
      workspaceId: imported.workspace.id,
      document: JSON.stringify({
        format: 'shipshape.project',
        version: 1,
        exportedAt: original.exportedAt,
        template: original.templates[0],
        project: original.projects[0],
      }),
    });
    expect(project.report.unmatchedPeople).toEqual([]);
    expect(project.report.templates).toEqual([
      { name: 'Transfer checklist', versionLabel: '1', reused: true },
    ]);
    const file = await olivia.client.ok('workspace.export', { workspaceId: imported.workspace.id });
    const again = JSON.parse(file.content) as WorkspaceJson;
    // Imported projects keep their creation time, so the two copies of Churn come first.
    expect(again.projects.map((p) => p.name)).toEqual([
      'Churn = prediction',
      'Churn = prediction',
      'Fraud detection',
    ]);
    expect(again.projects[1]).toEqual(original.projects[0]);
    expect(withoutTime({ ...again, projects: again.projects.slice(2) })).toEqual(
      withoutTime({ ...original, projects: original.projects.slice(1) }),
    );
  });

  it('refuses a newer format version and writes nothing', async () => {
    const before = await server.current.database.db.workspace.count();
    const result = await source.owner.client.call('workspace.import', {
      document: JSON.stringify({ ...original, version: 3 }),
    });
    expect(result.status).toBe(400);
    expect(result.error?.message).toBe(
      'This document was made by a newer Shipshape: format version 3, this server reads up to 1.',
    );
    expect(await server.current.database.db.workspace.count()).toBe(before);
  });
});
