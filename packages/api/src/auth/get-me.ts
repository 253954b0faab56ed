import type { Db } from '@shipshape/db';
import type { ZMe } from '@shipshape/domain';
import type { z } from 'zod';
import type { User } from '../actor';

/** The caller and their workspaces, each with their role. */
export async function getMe({ db, user }: { db: Db; user: User }): Promise<z.infer<typeof ZMe>> {
  const memberships = await db.membership.findMany({
    where: { userId: user.id },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
    orderBy: { workspace: { name: 'asc' } },
  });
  return {
    ...user,
    workspaces: memberships.map((m) => ({ ...m.workspace, role: m.role })),
  };
}
