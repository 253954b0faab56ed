import {
  ZProjectDashboard,
  ZProjectDashboardInput,
  ZStageDashboard,
  ZStageDashboardInput,
  ZWorkspaceDashboard,
  ZWorkspaceDashboardInput,
} from '@shipshape/domain';
import { byProject, byWorkspace } from '../access';
import { member } from '../actor';
import { getProjectDashboard } from '../dashboards/get-project-dashboard';
import { getStageDashboard } from '../dashboards/get-stage-dashboard';
import { getWorkspaceDashboard } from '../dashboards/get-workspace-dashboard';
import { router, workspaceProcedure } from '../trpc';
import { outputOnce } from '../validated-output';

export const dashboardRouter = router({
  /** One project at a glance: stage progress, problems, people, KPIs, lessons, activity. */
  project: workspaceProcedure(ZProjectDashboardInput, 'VIEWER', byProject)
    .output(outputOnce(ZProjectDashboard))
    .query(({ ctx, input }) => getProjectDashboard({ ...member(ctx), input })),

  /** One stage: its progress, its items (a tree by parentId), KPIs and lessons. */
  stage: workspaceProcedure(ZStageDashboardInput, 'VIEWER', byProject)
    .output(outputOnce(ZStageDashboard))
    .query(({ ctx, input }) => getStageDashboard({ ...member(ctx), input })),

  /** The portfolio: every project × every stage as percent done, plus problems per project. */
  workspace: workspaceProcedure(ZWorkspaceDashboardInput, 'VIEWER', byWorkspace)
    .output(outputOnce(ZWorkspaceDashboard))
    .query(({ ctx }) => getWorkspaceDashboard(member(ctx))),
});
