// One row per tRPC procedure: who may call it and with what input. The matrix
// test fails for a procedure without a row, so new procedures must add one.
import type { TRole } from '@shipshape/domain';
import type { Fixture, MatrixRole } from './authz-fixture';
import { apiTokenAuthorizationRows } from './authz-rows-api-tokens';
import { lessonAuthorizationRows } from './authz-rows-lessons';
import { notificationAuthorizationRows } from './authz-rows-notifications';
import { transferAuthorizationRows } from './authz-rows-transfer';
import { webhookAuthorizationRows } from './authz-rows-webhooks';

export type Access = 'public' | 'authed' | TRole;

export interface MatrixRow {
  access: Access;
  input: (fixture: Fixture, caller: MatrixRole) => unknown;
  /** The call ends the caller's sessions; the matrix signs them in again. */
  endsSessions?: boolean;
}

const ws = (f: Fixture) => ({ workspaceId: f.workspaceId });
const project = (f: Fixture) => ({ projectId: f.projectId });
const item = (f: Fixture) => ({ itemId: f.itemId });
const kpi = (f: Fixture) => ({ kpiId: f.kpiId });

export const authorizationRows: Record<string, MatrixRow> = {
  ...lessonAuthorizationRows,
  ...apiTokenAuthorizationRows,
  ...notificationAuthorizationRows,
  ...transferAuthorizationRows,
  ...webhookAuthorizationRows,
  'health.ping': { access: 'public', input: () => undefined },
  'live.workspace': { access: 'VIEWER', input: ws },
  'auth.register': {
    access: 'public',
    input: () => ({
      email: `m${Date.now()}${Math.random()}@ex.test`,
      password: 'a long enough pass',
      name: 'N',
    }),
  },
  'auth.login': {
    access: 'public',
    input: () => ({ email: 'nobody@ex.test', password: 'whatever pass' }),
  },
  'auth.refresh': { access: 'public', input: () => undefined },
  'auth.logout': { access: 'public', input: () => undefined },
  'auth.logoutAll': { access: 'authed', input: () => undefined, endsSessions: true },
  'auth.me': { access: 'authed', input: () => undefined },
  'auth.changePassword': {
    access: 'authed',
    input: () => ({ currentPassword: 'not the password', newPassword: 'another long password' }),
  },
  'workspace.create': { access: 'authed', input: () => ({ name: 'Matrix made' }) },
  'workspace.list': { access: 'authed', input: () => undefined },
  'workspace.acceptInvite': {
    access: 'authed',
    input: (f, caller) => ({ token: f.inviteTokenFor(caller) }),
  },
  'workspace.previewInvite': {
    access: 'public',
    input: (f, caller) => ({ token: f.inviteTokenFor(caller) }),
  },
  'workspace.get': { access: 'VIEWER', input: ws },
  'workspace.members': { access: 'VIEWER', input: ws },
  'workspace.leave': { access: 'VIEWER', input: ws },
  'workspace.update': {
    access: 'ADMIN',
    input: (f) => ({
      workspaceId: f.workspaceId,
      expectedVersion: f.workspaceVersion,
      name: 'Renamed',
    }),
  },
  'workspace.invite': {
    access: 'ADMIN',
    input: (f) => ({ workspaceId: f.workspaceId, email: 'new.person@ex.test', role: 'MEMBER' }),
  },
  'workspace.invitations': { access: 'ADMIN', input: ws },
  'workspace.revokeInvite': {
    access: 'ADMIN',
    input: (f) => ({ workspaceId: f.workspaceId, invitationId: f.invitationId }),
  },
  'workspace.setRole': {
    access: 'ADMIN',
    input: (f) => ({ workspaceId: f.workspaceId, userId: f.targetUserId, role: 'VIEWER' }),
  },
  'workspace.removeMember': {
    access: 'ADMIN',
    input: (f) => ({ workspaceId: f.workspaceId, userId: f.targetUserId }),
  },
  'workspace.delete': { access: 'OWNER', input: ws },

  'template.list': { access: 'VIEWER', input: ws },
  'template.get': {
    access: 'VIEWER',
    input: (f) => ({ workspaceId: f.workspaceId, templateId: f.templateV1Id }),
  },
  'template.diff': {
    access: 'VIEWER',
    input: (f) => ({
      workspaceId: f.workspaceId,
      fromTemplateId: f.templateV1Id,
      toTemplateId: f.templateV2Id,
    }),
  },
  'template.import': {
    access: 'ADMIN',
    input: (f) => ({
      workspaceId: f.workspaceId,
      name: 'Team checklist',
      markdown: '# T\n## Stage\n- item one\n',
    }),
  },

  'project.create': {
    access: 'MEMBER',
    input: (f) => ({ workspaceId: f.workspaceId, name: 'New project' }),
  },
  'project.list': { access: 'VIEWER', input: ws },
  'project.get': { access: 'VIEWER', input: project },
  'project.update': {
    access: 'MEMBER',
    input: (f) => ({ ...project(f), expectedVersion: f.projectVersion, name: 'Renamed' }),
  },
  'project.archive': {
    access: 'MEMBER',
    input: (f) => ({ ...project(f), expectedVersion: f.projectVersion }),
  },
  'project.unarchive': {
    access: 'MEMBER',
    input: (f) => ({ ...project(f), expectedVersion: f.projectVersion }),
  },
  'project.setStage': {
    access: 'MEMBER',
    input: (f) => ({ ...project(f), expectedVersion: f.projectVersion, stageKey: 'data' }),
  },
  'project.upgradePreview': {
    access: 'VIEWER',
    input: (f) => ({ ...project(f), templateId: f.templateV2Id }),
  },
  'project.upgradeApply': {
    access: 'MEMBER',
    input: (f) => ({
      ...project(f),
      templateId: f.templateV2Id,
      expectedVersion: f.projectVersion,
    }),
  },
  'item.list': { access: 'VIEWER', input: project },
  'item.get': { access: 'VIEWER', input: item },
  'item.mine': { access: 'VIEWER', input: ws },
  'item.update': {
    access: 'MEMBER',
    input: (f) => ({ ...item(f), expectedVersion: f.itemVersion, status: 'IN_PROGRESS' }),
  },
  'item.bulkUpdate': {
    access: 'MEMBER',
    input: (f) => ({ itemIds: [f.itemId], expectedVersions: [f.itemVersion], status: 'DONE' }),
  },
  'item.addCustom': {
    access: 'MEMBER',
    input: (f) => ({ ...project(f), stageKey: f.stageKey, title: 'Our own check' }),
  },
  'item.move': {
    access: 'MEMBER',
    input: (f) => ({ ...item(f), expectedVersion: f.itemVersion, position: 0 }),
  },
  'item.addEvidence': {
    access: 'MEMBER',
    input: (f) => ({
      ...item(f),
      expectedVersion: f.itemVersion,
      kind: 'COMMIT',
      url: 'https://git.example/c/1',
      label: 'abc123',
    }),
  },
  'item.removeEvidence': {
    access: 'MEMBER',
    input: (f) => ({ evidenceId: f.evidenceId, expectedVersion: f.itemVersion }),
  },

  'comment.list': { access: 'VIEWER', input: item },
  'comment.add': { access: 'MEMBER', input: (f) => ({ ...item(f), body: 'Looks good' }) },
  'comment.edit': {
    access: 'MEMBER',
    input: (f, caller) => ({
      commentId: f.commentIdFor(caller),
      expectedVersion: 1,
      body: 'Edited',
    }),
  },
  'comment.delete': {
    access: 'MEMBER',
    input: (f, caller) => ({ commentId: f.commentIdFor(caller), expectedVersion: 1 }),
  },

  'kpi.list': { access: 'VIEWER', input: project },
  'kpi.get': { access: 'VIEWER', input: kpi },
  'kpi.series': { access: 'VIEWER', input: kpi },
  'kpi.create': {
    access: 'MEMBER',
    input: (f) => ({
      ...project(f),
      name: 'Latency',
      kind: 'SYSTEM',
      unit: 'ms',
      direction: 'LOWER_IS_BETTER',
    }),
  },
  'kpi.update': {
    access: 'MEMBER',
    input: (f) => ({ ...kpi(f), expectedVersion: f.kpiVersion, target: 0.95 }),
  },
  'kpi.archive': { access: 'MEMBER', input: (f) => ({ ...kpi(f), expectedVersion: f.kpiVersion }) },
  'kpi.record': { access: 'MEMBER', input: (f) => ({ ...kpi(f), value: 0.8 }) },
  'kpi.recordBatch': {
    access: 'MEMBER',
    input: (f) => ({ ...kpi(f), measurements: [{ value: 0.81 }, { value: 0.82, note: 'n' }] }),
  },
  'kpi.recordMany': { access: 'MEMBER', input: (f) => ({ ...kpi(f), csv: 'value\n0.81\n0.82\n' }) },

  'dashboard.project': { access: 'VIEWER', input: project },
  'dashboard.stage': { access: 'VIEWER', input: (f) => ({ ...project(f), stageKey: f.stageKey }) },
  'dashboard.workspace': { access: 'VIEWER', input: ws },
};
