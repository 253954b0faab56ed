// What each procedure takes and answers, read from the router, as the wire
// carries it (dates as strings): tests name no result shapes of their own.
import type { AppRouter } from '@shipshape/api';
import type { inferRouterError, inferRouterInputs, inferRouterOutputs } from '@trpc/server';

/** `{ 'item.update': …, 'project.create': … }` from `{ item: { update: … } }`. */
type ByPath<TRouters> = {
  [
    P in {
      [R in keyof TRouters & string]: `${R}.${keyof TRouters[R] & string}`;
    }[keyof TRouters & string]
  ]: P extends `${infer R extends keyof TRouters & string}.${infer Q}`
    ? Q extends keyof TRouters[R]
      ? TRouters[R][Q]
      : never
    : never;
};

type Inputs = ByPath<inferRouterInputs<AppRouter>>;
type Outputs = ByPath<inferRouterOutputs<AppRouter>>;

/** Every procedure, as `${router}.${procedure}`: 'item.update', 'auth.me', … */
export type ProcedurePath = keyof Inputs & string;
export type ProcedureInput<P extends ProcedurePath> = Inputs[P];
export type ProcedureOutput<P extends ProcedurePath> = Outputs[P];

/** The error body the server's `errorFormatter` sends (packages/api/src/trpc.ts). */
export type ApiError = inferRouterError<AppRouter>;
