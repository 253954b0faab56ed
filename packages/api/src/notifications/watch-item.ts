// Watching by hand: an item (its comments and status changes) or a whole
// project (every item's, and its KPIs going off track). Personal settings,
// not workspace data, so they record no activity row.
import type { ActorArgs } from '../actor';

type WatchArgs<TInput> = ActorArgs<'id'> & { input: TInput };

/** Whether the caller follows the item, by hand or through its project. */
export async function getItemWatch({ db, actor, input }: WatchArgs<{ itemId: string }>) {
  const own = await db.itemWatch.findUnique({
    where: { userId_itemId: { userId: actor.id, itemId: input.itemId } },
    select: { watching: true },
  });
  if (own) return { watching: own.watching };
  const viaProject = await db.projectWatch.count({
    where: { userId: actor.id, project: { items: { some: { id: input.itemId } } } },
  });
  return { watching: viaProject > 0 };
}

export async function setItemWatch({
  db,
  actor,
  input,
}: WatchArgs<{ itemId: string; watching: boolean }>) {
  await db.itemWatch.upsert({
    where: { userId_itemId: { userId: actor.id, itemId: input.itemId } },
    create: { userId: actor.id, itemId: input.itemId, watching: input.watching },
    update: { watching: input.watching },
  });
  return { watching: input.watching };
}

export async function getProjectWatch({ db, actor, input }: WatchArgs<{ projectId: string }>) {
  const count = await db.projectWatch.count({
    where: { userId: actor.id, projectId: input.projectId },
  });
  return { watching: count > 0 };
}

export async function setProjectWatch({
  db,
  actor,
  input,
}: WatchArgs<{ projectId: string; watching: boolean }>) {
  if (input.watching) {
    await db.projectWatch.createMany({
      data: [{ userId: actor.id, projectId: input.projectId }],
      skipDuplicates: true,
    });
  } else {
    await db.projectWatch.deleteMany({ where: { userId: actor.id, projectId: input.projectId } });
  }
  return { watching: input.watching };
}
