import type { TRole } from '@shipshape/domain';
import { describe, expect, it } from 'vitest';
import { ApiClient, signUp, uniqueEmail } from '../../support/api-client';
import type { ProcedureInput } from '../../support/api-types';
import { useTestServer } from '../../support/server';
import { joinByInvitation } from '../../support/teams';

const server = useTestServer();
const url = () => server.current.url;
const db = () => server.current.database.db;

async function workspaceWithOwner(name = 'Fraud Detection') {
  const owner = await signUp(url(), { name: 'Olivia Owner' });
  const workspace = await owner.client.ok('workspace.create', { name });
  return { owner, workspace };
}

async function join(workspaceId: string, inviter: ApiClient, role: TRole) {
  const member = await signUp(url(), { name: `Member ${role}` });
  await joinByInvitation(inviter, workspaceId, member, role);
  return member;
}

describe('[workspace][create] workspaces', () => {
  it('the creator becomes owner; slugs are unique; the activity log records it', async () => {
    const { owner, workspace } = await workspaceWithOwner('Churn Model');
    expect(workspace).toMatchObject({ name: 'Churn Model', slug: 'churn-model', role: 'OWNER' });
    const second = await owner.client.ok('workspace.create', { name: 'Churn Model' });
    expect(second.slug).not.toBe(workspace.slug);
    const list = await owner.client.ok('workspace.list');
    expect(list.map((w) => w.id).sort()).toEqual([workspace.id, second.id].sort());
    const activity = await db().activityLog.findMany({ where: { workspaceId: workspace.id } });
    expect(activity.map((a) => a.action)).toEqual(['workspace.created']);
    expect(activity[0]?.actorId).toBe(owner.user.id);
  });

  it('update needs the version the caller read: a stale one is a CONFLICT with the current row', async () => {
    const { owner, workspace } = await workspaceWithOwner();
    const renamed = await owner.client.ok('workspace.update', {
      workspaceId: workspace.id,
      expectedVersion: workspace.version,
      name: 'Renamed',
    });
    expect(renamed.version).toBe(workspace.version + 1);
    const stale = await owner.client.call('workspace.update', {
      workspaceId: workspace.id,
      expectedVersion: workspace.version,
      name: 'Lost update',
    });
    expect(stale.status).toBe(409);
    expect(stale.error?.data.current).toMatchObject({ name: 'Renamed', version: renamed.version });
    expect((await db().workspace.findUniqueOrThrow({ where: { id: workspace.id } })).name).toBe(
      'Renamed',
    );
  });
});

describe('[workspace][invitations] invitation links', () => {
  it('an invitation adds the member with its role, once; the token is stored hashed', async () => {
    const { owner, workspace } = await workspaceWithOwner();
    const member = await signUp(url());
    const invite = await owner.client.ok('workspace.invite', {
      workspaceId: workspace.id,
      email: member.user.email.toUpperCase(),
      role: 'MEMBER',
    });
    const stored = await db().invitation.findUniqueOrThrow({ where: { id: invite.invitationId } });
    expect(stored.tokenHash).not.toBe(invite.token);
    expect(stored.email).toBe(member.user.email);

    const joined = await member.client.ok('workspace.acceptInvite', {
      token: invite.token,
    });
    expect(joined).toMatchObject({ id: workspace.id, role: 'MEMBER' });
    const reused = await member.client.call('workspace.acceptInvite', { token: invite.token });
    expect(reused.status).toBe(400);
    expect(reused.error?.message).toBe('This invitation has already been used.');
  });

  it('an expired invitation is refused', async () => {
    const { owner, workspace } = await workspaceWithOwner();
    const member = await signUp(url());
    const invite = await owner.client.ok('workspace.invite', {
      workspaceId: workspace.id,
      email: member.user.email,
      role: 'VIEWER',
    });
    await db().invitation.update({
      where: { id: invite.invitationId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const result = await member.client.call('workspace.acceptInvite', { token: invite.token });
    expect(result.status).toBe(400);
    expect(result.error?.message).toBe('This invitation has expired. Ask for a new one.');
    expect(await db().membership.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });

  it('an invitation for another email is refused; an unknown token is NOT_FOUND', async () => {
    const { owner, workspace } = await workspaceWithOwner();
    const invite = await owner.client.ok('workspace.invite', {
      workspaceId: workspace.id,
      email: uniqueEmail('someone-else'),
      role: 'ADMIN',
    });
    const intruder = await signUp(url());
    const wrong = await intruder.client.call('workspace.acceptInvite', { token: invite.token });
    expect(wrong.status).toBe(403);
    expect(wrong.error?.message).toMatch(/sent to another email address/);
    const unknown = await intruder.client.call('workspace.acceptInvite', { token: 'A'.repeat(43) });
    expect(unknown.status).toBe(404);
    expect(await db().membership.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });

  it('anyone with the link sees the workspace, inviter and role before accepting; never the email', async () => {
    const { owner, workspace } = await workspaceWithOwner('Preview Works');
    const invitee = await signUp(url());
    const invite = await owner.client.ok('workspace.invite', {
      workspaceId: workspace.id,
      email: invitee.user.email,
      role: 'ADMIN',
    });
    const anonymous = new ApiClient(url());
    const preview = await anonymous.ok('workspace.previewInvite', {
      token: invite.token,
    });
    expect(preview).toMatchObject({
      workspaceName: 'Preview Works',
      inviterName: 'Olivia Owner',
      role: 'ADMIN',
      status: 'pending',
    });
    expect(JSON.stringify(preview)).not.toContain(invitee.user.email);
    await invitee.client.ok('workspace.acceptInvite', { token: invite.token });
    expect(await anonymous.ok('workspace.previewInvite', { token: invite.token })).toMatchObject({
      status: 'accepted',
    });
    const unknown = await anonymous.call('workspace.previewInvite', { token: 'A'.repeat(43) });
    expect(unknown.status).toBe(404);
  });

  it('only an owner can invite an owner; a revoked invitation is dead', async () => {
    const { owner, workspace } = await workspaceWithOwner();
    const admin = await join(workspace.id, owner.client, 'ADMIN');
    const asOwner = await admin.client.call('workspace.invite', {
      workspaceId: workspace.id,
      email: uniqueEmail(),
      role: 'OWNER',
    });
    expect(asOwner.status).toBe(403);
    const invitee = await signUp(url());
    const invite = await admin.client.ok('workspace.invite', {
      workspaceId: workspace.id,
      email: invitee.user.email,
      role: 'MEMBER',
    });
    const pending = await admin.client.ok('workspace.invitations', {
      workspaceId: workspace.id,
    });
    expect(pending.map((p) => p.id)).toContain(invite.invitationId);
    await admin.client.ok('workspace.revokeInvite', {
      workspaceId: workspace.id,
      invitationId: invite.invitationId,
    });
    expect(
      (await invitee.client.call('workspace.acceptInvite', { token: invite.token })).status,
    ).toBe(404);
    expect(
      (await invitee.client.call('workspace.previewInvite', { token: invite.token })).status,
    ).toBe(404);
  });
});

describe('[workspace][roles] roles take effect at once', () => {
  it('a demoted admin loses admin powers on the next request; a removed member loses access', async () => {
    const { owner, workspace } = await workspaceWithOwner();
    const admin = await join(workspace.id, owner.client, 'ADMIN');
    const invite: ProcedureInput<'workspace.invite'> = {
      workspaceId: workspace.id,
      email: uniqueEmail(),
      role: 'VIEWER',
    };
    expect((await admin.client.call('workspace.invite', invite)).status).toBe(200);

    await owner.client.ok('workspace.setRole', {
      workspaceId: workspace.id,
      userId: admin.user.id,
      role: 'VIEWER',
    });
    expect((await admin.client.call('workspace.invite', invite)).status).toBe(403);
    expect((await admin.client.call('workspace.get', { workspaceId: workspace.id })).status).toBe(
      200,
    );

    await owner.client.ok('workspace.removeMember', {
      workspaceId: workspace.id,
      userId: admin.user.id,
    });
    const gone = await admin.client.call('workspace.get', { workspaceId: workspace.id });
    expect(gone.status).toBe(404);
    const actions = await db().activityLog.findMany({
      where: { workspaceId: workspace.id },
      orderBy: { id: 'asc' },
    });
    expect(actions.map((a) => a.action)).toEqual([
      'workspace.created',
      'invitation.created',
      'member.joined',
      'invitation.created',
      'member.role_changed',
      'member.removed',
    ]);
  });

  it('an admin cannot make or unmake owners', async () => {
    const { owner, workspace } = await workspaceWithOwner();
    const admin = await join(workspace.id, owner.client, 'ADMIN');
    const member = await join(workspace.id, owner.client, 'MEMBER');
    const promote = await admin.client.call('workspace.setRole', {
      workspaceId: workspace.id,
      userId: member.user.id,
      role: 'OWNER',
    });
    expect(promote.status).toBe(403);
    const demote = await admin.client.call('workspace.setRole', {
      workspaceId: workspace.id,
      userId: owner.user.id,
      role: 'MEMBER',
    });
    expect(demote.status).toBe(403);
    const self = await admin.client.call('workspace.setRole', {
      workspaceId: workspace.id,
      userId: admin.user.id,
      role: 'OWNER',
    });
    expect(self.status).toBe(403);
  });
});

describe('[workspace][owners] a workspace always keeps an owner', () => {
  it('the last owner cannot leave, be removed or be demoted', async () => {
    const { owner, workspace } = await workspaceWithOwner();
    const message = 'A workspace needs at least one owner. Make someone else an owner first.';
    const leave = await owner.client.call('workspace.leave', { workspaceId: workspace.id });
    expect(leave.error?.message).toBe(message);
    const demote = await owner.client.call('workspace.setRole', {
      workspaceId: workspace.id,
      userId: owner.user.id,
      role: 'ADMIN',
    });
    expect(demote.error?.message).toBe(message);
    const remove = await owner.client.call('workspace.removeMember', {
      workspaceId: workspace.id,
      userId: owner.user.id,
    });
    expect(remove.error?.message).toBe(message);
    expect(
      await db().membership.count({ where: { workspaceId: workspace.id, role: 'OWNER' } }),
    ).toBe(1);
  });

  it('two owners demoting each other at the same moment leave one owner', async () => {
    const { owner, workspace } = await workspaceWithOwner();
    const second = await join(workspace.id, owner.client, 'OWNER');
    const results = await Promise.all([
      owner.client.call('workspace.setRole', {
        workspaceId: workspace.id,
        userId: second.user.id,
        role: 'MEMBER',
      }),
      second.client.call('workspace.setRole', {
        workspaceId: workspace.id,
        userId: owner.user.id,
        role: 'MEMBER',
      }),
    ]);
    // One wins. The other is refused: by the role check (already demoted) or,
    // when both passed it together, by the lock on the owner rows.
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([400, 403]).toContain(statuses[1]);
    expect(
      await db().membership.count({ where: { workspaceId: workspace.id, role: 'OWNER' } }),
    ).toBe(1);
  });

  it('with another owner, an owner may leave; only an owner deletes the workspace', async () => {
    const { owner, workspace } = await workspaceWithOwner();
    const second = await join(workspace.id, owner.client, 'OWNER');
    const admin = await join(workspace.id, owner.client, 'ADMIN');
    expect((await owner.client.call('workspace.leave', { workspaceId: workspace.id })).status).toBe(
      200,
    );
    expect(
      (await admin.client.call('workspace.delete', { workspaceId: workspace.id })).status,
    ).toBe(403);
    expect(
      (await second.client.call('workspace.delete', { workspaceId: workspace.id })).status,
    ).toBe(200);
    expect(await db().workspace.findUnique({ where: { id: workspace.id } })).toBeNull();
  });
});
