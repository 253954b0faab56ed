// Workspaces with people and work in them, set up the way several test files
// need them.
import type { TRole } from '@shipshape/domain';
import { signUp, type ApiClient, type SignedUp } from './api-client';
import { builtInTemplates } from './authz-fixture';
import type { TestServer } from './server';

/** Someone who signs up and is made a member straight in the database (no invitation). */
export async function addMember(
  server: TestServer,
  workspaceId: string,
  role: TRole,
  name: string,
): Promise<SignedUp> {
  const person = await signUp(server.url, { name });
  await server.database.db.membership.create({
    data: { workspaceId, userId: person.user.id, role },
  });
  return person;
}

/** Invites an account by its email and it accepts: membership the way people get it. */
export async function joinByInvitation(
  inviter: ApiClient,
  workspaceId: string,
  person: SignedUp,
  role: TRole,
): Promise<void> {
  const invitation = await inviter.ok('workspace.invite', {
    workspaceId,
    email: person.user.email,
    role,
  });
  await person.client.ok('workspace.acceptInvite', { token: invitation.token });
}

/** A workspace with two v1 projects ("Churn prediction", "Fraud detection") and one person per role. */
export async function teamWithTwoProjects(server: TestServer, name = 'ML team') {
  const owner = await signUp(server.url, { name: 'Olivia Owner' });
  const workspace = await owner.client.ok('workspace.create', { name });
  const templates = await builtInTemplates(server.database.db);
  const project = (projectName: string) =>
    owner.client.ok('project.create', {
      workspaceId: workspace.id,
      name: projectName,
      templateId: templates.v1,
    });
  const churn = await project('Churn prediction');
  const fraud = await project('Fraud detection');
  const [member, viewer, admin] = await Promise.all([
    addMember(server, workspace.id, 'MEMBER', 'Mia Member'),
    addMember(server, workspace.id, 'VIEWER', 'Victor Viewer'),
    addMember(server, workspace.id, 'ADMIN', 'Ada Admin'),
  ]);
  return { owner, member, viewer, admin, workspaceId: workspace.id, churn, fraud };
}

/** A new workspace and project, both called `name`, with a KPI to record values in. */
export async function kpiToRecordInto(client: ApiClient, name: string) {
  const workspace = await client.ok('workspace.create', { name });
  const project = await client.ok('project.create', { workspaceId: workspace.id, name });
  return client.ok('kpi.create', {
    projectId: project.id,
    name: 'Writes',
    kind: 'SYSTEM',
    unit: '',
    direction: 'HIGHER_IS_BETTER',
  });
}
