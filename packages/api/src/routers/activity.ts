import { ZActivityListInput, ZActivityPage } from '@shipshape/domain';
import { byWorkspace, roleAtLeast } from '../access';
import { notFound } from '../errors';
import { router, workspaceProcedure } from '../trpc';

/** Entity types whose before/after only ADMIN and OWNER may read: an
 * invitation's carries the invitee's email, and listing invitations is an
 * admin's business (workspace.invitations). Others still see who did it, when. */
const adminOnlyDetails = new Set(['invitation']);

export const activityRouter = router({
  /** Who did what, when, newest first; cursor = the last entry's id. */
  list: workspaceProcedure(ZActivityListInput, 'VIEWER', byWorkspace)
    .output(ZActivityPage)
    .query(async ({ ctx, input }) => {
      if (input.projectId) {
        const project = await ctx.db.project.findFirst({
          where: { id: input.projectId, workspaceId: ctx.workspaceId },
          select: { id: true },
        });
        if (!project) throw notFound('Project');
      }
      const rows = await ctx.db.activityLog.findMany({
        where: {
          workspaceId: ctx.workspaceId,
          ...(input.projectId ? { projectId: input.projectId } : {}),
          ...(input.cursor ? { id: { lt: BigInt(input.cursor) } } : {}),
        },
        select: {
          id: true,
          workspaceId: true,
          projectId: true,
          action: true,
          entityType: true,
          entityId: true,
          before: true,
          after: true,
          at: true,
          actor: { select: { id: true, name: true } },
        },
        orderBy: { id: 'desc' },
        take: input.limit + 1,
      });
      const page = rows.slice(0, input.limit);
      const details = roleAtLeast(ctx.role, 'ADMIN');
      return {
        items: page.map((row) => {
          const withheld = !details && adminOnlyDetails.has(row.entityType);
          return {
            ...row,
            id: row.id.toString(),
            before: withheld ? null : row.before,
            after: withheld ? null : row.after,
          };
        }),
        nextCursor: rows.length > input.limit ? (page.at(-1)?.id.toString() ?? null) : null,
      };
    }),
});
