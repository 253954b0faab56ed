import {
  ZParsedTemplate,
  ZTemplateDiffInput,
  ZTemplateImportInput,
  ZTemplateRef,
  ZTemplateSummary,
  ZWorkspaceRef,
} from '@shipshape/domain';
import { z } from 'zod';
import { byWorkspace } from '../access';
import { member } from '../actor';
import { diffTemplates } from '../templates/diff-templates';
import { importTemplate } from '../templates/import-template';
import { getTemplate, listTemplates } from '../templates/list-templates';
import { ZTemplateDetail } from '../templates/template-view';
import { router, workspaceProcedure } from '../trpc';

export const templateRouter = router({
  list: workspaceProcedure(ZWorkspaceRef, 'VIEWER', byWorkspace)
    .output(z.array(ZTemplateSummary))
    .query(({ ctx }) => listTemplates(member(ctx))),

  get: workspaceProcedure(ZTemplateRef, 'VIEWER', byWorkspace)
    .output(ZTemplateDetail)
    .query(({ ctx, input }) => getTemplate({ ...member(ctx), input })),

  /** Imports a workspace's own checklist; with dryRun, only shows what would be stored. */
  import: workspaceProcedure(ZTemplateImportInput, 'ADMIN', byWorkspace)
    .output(
      z.object({
        template: ZParsedTemplate,
        stored: z
          .object({ id: z.string(), versionLabel: z.string(), duplicate: z.boolean() })
          .nullable(),
      }),
    )
    .mutation(({ ctx, input }) => importTemplate({ ...member(ctx), input })),

  diff: workspaceProcedure(ZTemplateDiffInput, 'VIEWER', byWorkspace).query(({ ctx, input }) =>
    diffTemplates({ ...member(ctx), input }),
  ),
});
