import { apiTokenCredential, type ApiTokenRateLimit, type Context } from '@shipshape/api';
import { TRPCError } from '@trpc/server';
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';

/** What only a signed-in person may call: signing in and out, and token management. */
const SESSION_ONLY = /^(auth|apiToken)\./;

/**
 * Adds an `Authorization: Bearer shp_…` API token to each request's context
 * (as its hash; checked, counted and scoped by `workspaceProcedure` in the same
 * statement as a session). A token replaces any session the request carries,
 * and its calls cannot reach sign-in or token management.
 */
export function withApiTokens(
  createContext: (options: CreateFastifyContextOptions) => Promise<Context>,
  rateLimit: ApiTokenRateLimit,
) {
  return async (options: CreateFastifyContextOptions): Promise<Context> => {
    const apiToken = apiTokenCredential(options.req.headers.authorization, rateLimit);
    const context = await createContext(options);
    if (!apiToken) return context;
    const refused = options.info.calls.find((call) => SESSION_ONLY.test(call.path));
    if (refused) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `${refused.path} needs a signed-in person; API tokens cannot call it.`,
      });
    }
    return { ...context, claims: null, apiToken };
  };
}
