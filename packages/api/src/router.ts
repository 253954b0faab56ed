import { authRouter } from './routers/auth';
import { healthRouter } from './routers/health';
import { workspaceRouter } from './routers/workspace';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  health: healthRouter,
  auth: authRouter,
  workspace: workspaceRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
