import { ZActivityListInput, ZActivityPage } from '@shipshape/domain';
import { byWorkspace } from '../access';
import { listActivity } from '../activity/list-activity';
import { member } from '../actor';
import { router, workspaceProcedure } from '../trpc';

export const activityRouter = router({
  /** Who did what, when, newest first; cursor = the last entry's id. */
  list: workspaceProcedure(ZActivityListInput, 'VIEWER', byWorkspace)
    .output(ZActivityPage)
    .query(({ ctx, input }) => listActivity({ ...member(ctx), input })),
});
