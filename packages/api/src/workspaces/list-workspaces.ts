import type { Db } from '@shipshape/db';
import type { ZMember, ZWorkspace } from '@shipshape/domain';
import type { z } from 'zod';
import type { ActorArgs, User } from '../actor';
import { workspaceFields } from './workspace-view';

type Workspace = z.infer<typeof ZWorkspace>;

/** The caller's workspaces, by name, each with their role in it. */
export async function listWorkspaces({
  db,
  user,
}: {
  db: Db;
  user: Pick<User, 'id'>;
}): Promise<Workspace[]> {
  const memberships = await db.membership.findMany({
    where: { userId: user.id },
    select: { role: true, workspace: { select: workspaceFields } },
    orderBy: { workspace: { name: 'asc' } },
  });
  return memberships.map((m) => ({ ...m.workspace, role: m.role }));
}

export async function getWorkspace({
  db,
  actor,
}: ActorArgs<'workspaceId' | 'role'>): Promise<Workspace> {
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: actor.workspaceId },
    select: workspaceFields,
  });
  return { ...workspace, role: actor.role };
}

export async function listMembers({
  db,
  actor,
}: ActorArgs<'workspaceId'>): Promise<Array<z.infer<typeof ZMember>>> {
  const memberships = await db.membership.findMany({
    where: { workspaceId: actor.workspaceId },
    select: {
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
    orderBy: { user: { name: 'asc' } },
  });
  return memberships.map((m) => ({
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    joinedAt: m.createdAt,
  }));
}
