import { authRouter } from './routers/auth';
import { healthRouter } from './routers/health';
import { projectRouter } from './routers/project';
import { templateRouter } from './routers/template';
import { workspaceRouter } from './routers/workspace';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  health: healthRouter,
  auth: authRouter,
  workspace: workspaceRouter,
  template: templateRouter,
  project: projectRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
