import { ZLiveInput } from '@shipshape/domain';
import { TRPCError } from '@trpc/server';
import { byWorkspace } from '../access';
import { streamWorkspace } from '../live/stream-workspace';
import { router, workspaceProcedure } from '../trpc';

export const liveRouter = router({
  /** The workspace's committed changes as server-sent events, resumable by event id. */
  workspace: workspaceProcedure(ZLiveInput, 'VIEWER', byWorkspace).subscription(
    ({ ctx, input, signal }) => {
      if (!ctx.live || !ctx.claims) {
        throw new TRPCError({ code: 'NOT_IMPLEMENTED', message: 'Live updates are off here.' });
      }
      return streamWorkspace({
        db: ctx.db,
        hub: ctx.live,
        claims: ctx.claims,
        workspaceId: ctx.workspaceId,
        lastEventId: input.lastEventId,
        signal: signal ?? new AbortController().signal,
      });
    },
  ),
});
