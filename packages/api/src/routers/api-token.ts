import {
  ZApiToken,
  ZApiTokenCreateInput,
  ZApiTokenCreated,
  ZApiTokenListInput,
  ZApiTokenRef,
} from '@shipshape/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { byWorkspace } from '../access';
import { auditOf, member } from '../actor';
import { createApiToken, listApiTokens, revokeApiToken } from '../api-tokens/manage-api-tokens';
import { authedProcedure, router, workspaceProcedure } from '../trpc';

/** Token management needs a signed-in person: a token cannot mint or list tokens. */
function refuseApiTokens<TResult>({
  ctx,
  next,
}: {
  ctx: { apiToken?: unknown };
  next: () => TResult;
}): TResult {
  if (ctx.apiToken) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'API tokens cannot manage API tokens.' });
  }
  return next();
}

export const apiTokenRouter = router({
  /** Answers the token once; only its hash is kept. */
  create: workspaceProcedure(ZApiTokenCreateInput, 'VIEWER', byWorkspace)
    .use(refuseApiTokens)
    .output(ZApiTokenCreated)
    .mutation(({ ctx, input }) => createApiToken({ ...member(ctx), input, audit: auditOf(ctx) })),

  /** The caller's own live tokens in the workspace. */
  list: workspaceProcedure(ZApiTokenListInput, 'VIEWER', byWorkspace)
    .use(refuseApiTokens)
    .output(z.array(ZApiToken))
    .query(({ ctx, input }) => listApiTokens({ ...member(ctx), input })),

  revoke: authedProcedure
    .input(ZApiTokenRef)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      revokeApiToken({ db: ctx.db, user: ctx.user, input, audit: auditOf(ctx) }),
    ),
});
