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
import {
  ZExportFile,
  ZImportReport,
  ZProjectExportInput,
  ZProjectImportInput,
} from '@shipshape/domain';
import { exportProject } from '../transfer/export-project';
import { importProject } from '../transfer/import-project';

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

  /** The project as a file: a JSON document that imports elsewhere, Markdown, or CSV. */
  export: workspaceProcedure(ZProjectExportInput, 'VIEWER', byProject)
    .output(ZExportFile)
    .query(({ ctx, input }) => exportProject({ ...member(ctx), input })),

  /** A project document (JSON text) as a new project of the workspace, all or nothing. */
  import: workspaceProcedure(ZProjectImportInput, 'MEMBER', byWorkspace)
    .output(z.object({ project: ZProject, report: ZImportReport }))
    .mutation(({ ctx, input }) => importProject({ ...member(ctx), input })),
});
