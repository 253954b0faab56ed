import { apiTokenRouter } from './routers/api-token';
import { authRouter } from './routers/auth';
import { commentRouter } from './routers/comment';
import { dashboardRouter } from './routers/dashboard';
import { healthRouter } from './routers/health';
import { itemRouter } from './routers/item';
import { kpiRouter } from './routers/kpi';
import { lessonRouter } from './routers/lesson';
import { notificationRouter } from './routers/notification';
import { liveRouter } from './routers/live';
import { activityRouter } from './routers/activity';
import { projectRouter } from './routers/project';
import { templateRouter } from './routers/template';
import { webhookRouter } from './routers/webhook';
import { workspaceRouter } from './routers/workspace';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  health: healthRouter,
  auth: authRouter,
  workspace: workspaceRouter,
  template: templateRouter,
  project: projectRouter,
  item: itemRouter,
  comment: commentRouter,
  kpi: kpiRouter,
  dashboard: dashboardRouter,
  lesson: lessonRouter,
  activity: activityRouter,
  notification: notificationRouter,
  live: liveRouter,
  apiToken: apiTokenRouter,
  webhook: webhookRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
