import { initTRPC } from '@trpc/server';
import type { Context } from './context';

const t = initTRPC.context<Context>().create({
  // Clients get the code, the message and the request id; never a stack trace
  // or SQL. Unexpected errors are logged with the request id and answered
  // with a generic message.
  errorFormatter({ shape, error, ctx }) {
    const unexpected = error.code === 'INTERNAL_SERVER_ERROR';
    if (unexpected) {
      ctx?.log.error({ err: error.cause ?? error, requestId: ctx.requestId }, 'unexpected error');
    }
    return {
      message: unexpected ? 'Something went wrong on our side.' : shape.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        requestId: ctx?.requestId,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;
