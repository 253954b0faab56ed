import {
  callRestRoute,
  openApiDocument,
  REST_PREFIX,
  restRoutes,
  routerPath,
  type Context,
} from '@shipshape/api';
import { TRPCError } from '@trpc/server';
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { FastifyInstance } from 'fastify';

type CreateContext = (options: CreateFastifyContextOptions) => Promise<Context>;

/**
 * Mounts the REST API (`/api/v1`, see packages/api/src/rest/routes.ts) and its
 * OpenAPI document. Each route builds the same context as a tRPC request (so
 * an API token or a session's access token is read the same way) and runs its
 * procedure.
 */
export function registerRestApi(app: FastifyInstance, createContext: CreateContext): void {
  app.get(`${REST_PREFIX}/openapi.json`, async () => openApiDocument());

  for (const route of restRoutes) {
    app.route({
      method: route.method,
      url: routerPath(route.path),
      handler: async (request, reply) => {
        const type = route.method === 'GET' ? 'query' : 'mutation';
        const info = {
          type,
          isBatchCall: false,
          calls: [{ path: route.procedure }],
          accept: null,
          connectionParams: null,
          signal: new AbortController().signal,
          url: null,
        } as unknown as CreateFastifyContextOptions['info'];
        let ctx: Context;
        try {
          ctx = await createContext({ req: request, res: reply, info });
        } catch (error) {
          if (!(error instanceof TRPCError)) throw error;
          return reply
            .code(getHTTPStatusCodeFromError(error))
            .send({ code: error.code, message: error.message, requestId: request.id });
        }
        const answer = await callRestRoute(route, ctx, {
          params: request.params as Record<string, string>,
          query: request.query as Record<string, string | string[] | undefined>,
          body: request.body,
        });
        return reply.code(answer.status).headers(answer.headers).send(answer.body);
      },
    });
  }
}
