// The world each authorization-matrix cell runs in: a workspace with one user
// per role, a member to act on, a pending invitation, and an outsider who
// belongs to another workspace. Built straight in the database, fresh per cell,
// so a destructive call in one cell cannot spoil another.
import { BUILT_IN_TEMPLATE_NAME, type Db } from '@shipshape/db';
import { instantiateChecklist } from '@shipshape/api/projects/instantiate-checklist';
import { createHash, randomBytes } from 'node:crypto';
import type { ApiClient } from './api-client';
import { STRONG_PASSWORD, signUp } from './api-client';
import { createFixtureApiTokens, type ApiTokenFixtureFields } from './authz-rows-api-tokens';
import { createFixtureLesson, type LessonFixtureFields } from './authz-rows-lessons';
import { createFixtureWebhook, type WebhookFixtureFields } from './authz-rows-webhooks';

export const ROLES = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'] as const;
export type MatrixRole = (typeof ROLES)[number] | 'anonymous' | 'outsider';
export const MATRIX_ROLES: MatrixRole[] = [
  'anonymous',
  'VIEWER',
  'MEMBER',
  'ADMIN',
  'OWNER',
  'outsider',
];

export interface MatrixUsers {
  clients: Record<Exclude<MatrixRole, 'anonymous'>, ApiClient> & { anonymous: ApiClient };
  ids: Record<Exclude<MatrixRole, 'anonymous'> | 'target', string>;
  emails: Record<Exclude<MatrixRole, 'anonymous'> | 'target', string>;
}

export interface Fixture extends LessonFixtureFields, ApiTokenFixtureFields, WebhookFixtureFields {
  workspaceId: string;
  projectId: string;
  projectVersion: number;
  templateV1Id: string;
  templateV2Id: string;
  stageKey: string;
  itemId: string;
  itemVersion: number;
  kpiId: string;
  kpiVersion: number;
  evidenceId: string;
  /** A comment written by the caller (by the owner for anonymous and outsiders). */
  commentIdFor: (role: MatrixRole) => string;
  workspaceVersion: number;
  outsiderWorkspaceId: string;
  targetUserId: string;
  invitationId: string;
  /** An invitation addressed to the caller's own email, so accepting can succeed. */
  inviteTokenFor: (role: MatrixRole) => string;
}

export async function createMatrixUsers(
  baseUrl: string,
  anonymous: ApiClient,
): Promise<MatrixUsers> {
  const names = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER', 'outsider', 'target'] as const;
  const made = await Promise.all(names.map((name) => signUp(baseUrl, { name: `Matrix ${name}` })));
  const entries = names.map((name, i) => [name, made[i]!] as const);
  return {
    clients: {
      ...Object.fromEntries(entries.map(([n, m]) => [n, m.client])),
      anonymous,
    } as MatrixUsers['clients'],
    ids: Object.fromEntries(entries.map(([n, m]) => [n, m.user.id])) as MatrixUsers['ids'],
    emails: Object.fromEntries(entries.map(([n, m]) => [n, m.user.email])) as MatrixUsers['emails'],
  };
}

let templateIds: { v1: string; v2: string } | undefined;

export async function builtInTemplates(db: Db): Promise<{ v1: string; v2: string }> {
  if (!templateIds) {
    const rows = await db.checklistTemplate.findMany({
      where: { workspaceId: null, name: BUILT_IN_TEMPLATE_NAME },
      select: { id: true, versionLabel: true },
    });
    const byLabel = new Map(rows.map((row) => [row.versionLabel, row.id]));
    templateIds = { v1: byLabel.get('1')!, v2: byLabel.get('2')! };
  }
  return templateIds;
}

/** A project with its checklist copied from a template, straight in the database. */
export async function createProject(
  db: Db,
  input: { workspaceId: string; templateId: string; createdById: string; name?: string },
): Promise<{ id: string; version: number }> {
  return db.$transaction(async (tx) => {
    const suffix = randomBytes(4).toString('hex');
    const project = await tx.project.create({
      data: {
        workspaceId: input.workspaceId,
        templateId: input.templateId,
        name: input.name ?? `Project ${suffix}`,
        slug: `project-${suffix}`,
        createdById: input.createdById,
      },
    });
    await instantiateChecklist(tx, { ...input, projectId: project.id });
    return { id: project.id, version: project.version };
  });
}

/** Signs every matrix user in again (after a row that ended their sessions). */
export async function renewSessions(users: MatrixUsers): Promise<void> {
  for (const name of ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER', 'outsider'] as const) {
    const session = await users.clients[name].ok('auth.login', {
      email: users.emails[name],
      password: STRONG_PASSWORD,
    });
    users.clients[name].accessToken = session.accessToken;
  }
}

export async function createFixture(db: Db, users: MatrixUsers): Promise<Fixture> {
  const suffix = randomBytes(5).toString('hex');
  const workspace = await db.workspace.create({
    data: {
      name: `Matrix ${suffix}`,
      slug: `matrix-${suffix}`,
      memberships: {
        create: [
          ...ROLES.map((role) => ({ userId: users.ids[role], role })),
          { userId: users.ids.target, role: 'MEMBER' as const },
        ],
      },
    },
  });
  const outsiderWorkspace = await db.workspace.create({
    data: {
      name: `Elsewhere ${suffix}`,
      slug: `elsewhere-${suffix}`,
      memberships: { create: { userId: users.ids.outsider, role: 'OWNER' } },
    },
  });
  const tokens = new Map<string, string>();
  for (const role of [...ROLES, 'outsider'] as const) {
    const token = randomBytes(32).toString('base64url');
    tokens.set(role, token);
    await db.invitation.create({
      data: {
        workspaceId: workspace.id,
        email: users.emails[role],
        role: 'VIEWER',
        tokenHash: createHash('sha256').update(token).digest('hex'),
        expiresAt: new Date(Date.now() + 86_400_000),
        invitedById: users.ids.OWNER,
      },
    });
  }
  const pending = await db.invitation.findFirstOrThrow({ where: { workspaceId: workspace.id } });
  const templates = await builtInTemplates(db);
  const project = await createProject(db, {
    workspaceId: workspace.id,
    templateId: templates.v1,
    createdById: users.ids.OWNER,
  });
  const item = await db.projectItem.findFirstOrThrow({
    where: { projectId: project.id, children: { none: {} } },
    orderBy: [{ stage: { position: 'asc' } }, { position: 'asc' }],
    include: { stage: { select: { key: true } } },
  });
  const kpi = await db.kpi.create({
    data: {
      workspaceId: workspace.id,
      projectId: project.id,
      name: 'AUC',
      kind: 'MODEL',
      unit: '',
      direction: 'HIGHER_IS_BETTER',
      baseline: 0.7,
      target: 0.9,
    },
  });
  const evidence = await db.evidenceLink.create({
    data: { itemId: item.id, kind: 'DOCUMENT', url: 'https://example.test/doc', label: 'Doc' },
  });
  const lesson = await createFixtureLesson(db, {
    workspaceId: workspace.id,
    projectId: project.id,
    authorId: users.ids.MEMBER,
  });
  const apiTokens = await createFixtureApiTokens(db, users, {
    workspaceId: workspace.id,
    outsiderWorkspaceId: outsiderWorkspace.id,
  });
  const webhook = await createFixtureWebhook(db, workspace.id);
  const comments = new Map<string, string>();
  for (const role of ROLES) {
    const comment = await db.comment.create({
      data: {
        workspaceId: workspace.id,
        itemId: item.id,
        authorId: users.ids[role],
        body: `by ${role}`,
      },
    });
    comments.set(role, comment.id);
  }
  return {
    ...lesson,
    ...apiTokens,
    ...webhook,
    workspaceId: workspace.id,
    stageKey: item.stage.key,
    itemId: item.id,
    itemVersion: item.version,
    kpiId: kpi.id,
    kpiVersion: kpi.version,
    evidenceId: evidence.id,
    commentIdFor: (role) => comments.get(role) ?? comments.get('OWNER')!,
    projectId: project.id,
    projectVersion: project.version,
    templateV1Id: templates.v1,
    templateV2Id: templates.v2,
    workspaceVersion: workspace.version,
    outsiderWorkspaceId: outsiderWorkspace.id,
    targetUserId: users.ids.target,
    invitationId: pending.id,
    inviteTokenFor: (role) => tokens.get(role) ?? 'A'.repeat(43),
  };
}
