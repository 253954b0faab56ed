import {
  ZProject,
  ZProjectArchiveInput,
  ZProjectCreateInput,
  ZProjectListInput,
  ZProjectRef,
  ZProjectSetStageInput,
  ZProjectUpdateInput,
  ZUpgradeApplyInput,
  ZUpgradeInput,
} from '@shipshape/domain';
import { z } from 'zod';
import { byProject, byWorkspace } from '../access';
import { member } from '../actor';
import { ZUpgradeSummary, applyUpgrade } from '../projects/apply-upgrade';
import {
  archiveProject,
  setProjectStage,
  unarchiveProject,
  updateProject,
} from '../projects/change-project';
import { createProject } from '../projects/create-project';
import { getProject, listProjects } from '../projects/list-projects';
import { ZUpgradePreview, previewUpgrade } from '../projects/preview-upgrade';
import { router, workspaceProcedure } from '../trpc';

export const projectRouter = router({
  create: workspaceProcedure(ZProjectCreateInput, 'MEMBER', byWorkspace)
    .output(ZProject)
    .mutation(({ ctx, input }) => createProject({ ...member(ctx), input })),

  list: workspaceProcedure(ZProjectListInput, 'VIEWER', byWorkspace)
    .output(z.object({ items: z.array(ZProject), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listProjects({ ...member(ctx), input })),

  get: workspaceProcedure(ZProjectRef, 'VIEWER', byProject)
    .output(ZProject)
    .query(({ ctx, input }) => getProject({ db: ctx.db, input })),

  update: workspaceProcedure(ZProjectUpdateInput, 'MEMBER', byProject)
    .output(ZProject)
    .mutation(({ ctx, input }) => updateProject({ ...member(ctx), input })),

  archive: workspaceProcedure(ZProjectArchiveInput, 'MEMBER', byProject)
    .output(ZProject)
    .mutation(({ ctx, input }) => archiveProject({ ...member(ctx), input })),

  unarchive: workspaceProcedure(ZProjectArchiveInput, 'MEMBER', byProject)
    .output(ZProject)
    .mutation(({ ctx, input }) => unarchiveProject({ ...member(ctx), input })),

  setStage: workspaceProcedure(ZProjectSetStageInput, 'MEMBER', byProject)
    .output(ZProject)
    .mutation(({ ctx, input }) => setProjectStage({ ...member(ctx), input })),

  upgradePreview: workspaceProcedure(ZUpgradeInput, 'VIEWER', byProject)
    .output(ZUpgradePreview)
    .query(({ ctx, input }) => previewUpgrade({ ...member(ctx), input })),

  upgradeApply: workspaceProcedure(ZUpgradeApplyInput, 'MEMBER', byProject)
    .output(z.object({ project: ZProject, summary: ZUpgradeSummary }))
    .mutation(({ ctx, input }) => applyUpgrade({ ...member(ctx), input })),
});
