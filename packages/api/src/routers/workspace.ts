import {
  ZAcceptInviteInput,
  ZInvitation,
  ZInvitationPreview,
  ZInvitationRef,
  ZInviteInput,
  ZMember,
  ZMemberRef,
  ZSetRoleInput,
  ZWorkspace,
  ZWorkspaceCreateInput,
  ZWorkspaceRef,
  ZWorkspaceUpdateInput,
} from '@shipshape/domain';
import { z } from 'zod';
import { byWorkspace } from '../access';
import { auditOf, member } from '../actor';
import { authedProcedure, publicProcedure, router, workspaceProcedure } from '../trpc';
import { acceptInvitation } from '../workspaces/accept-invitation';
import { createWorkspace } from '../workspaces/create-workspace';
import { deleteWorkspace } from '../workspaces/delete-workspace';
import { inviteMember } from '../workspaces/invite-member';
import { listInvitations } from '../workspaces/list-invitations';
import { getWorkspace, listMembers, listWorkspaces } from '../workspaces/list-workspaces';
import { previewInvitation } from '../workspaces/preview-invitation';
import { removeMember } from '../workspaces/remove-member';
import { revokeInvitation } from '../workspaces/revoke-invitation';
import { setMemberRole } from '../workspaces/set-member-role';
import { updateWorkspace } from '../workspaces/update-workspace';
import {
  ZExportFile,
  ZWorkspaceExportInput,
  ZWorkspaceImportInput,
  ZWorkspaceImportReport,
} from '@shipshape/domain';
import { exportWorkspace } from '../transfer/export-workspace';
import { importWorkspace } from '../transfer/import-workspace';

const ZOk = z.object({ ok: z.literal(true) });

export const workspaceRouter = router({
  create: authedProcedure
    .input(ZWorkspaceCreateInput)
    .output(ZWorkspace)
    .mutation(({ ctx, input }) => createWorkspace({ db: ctx.db, user: ctx.user, input })),

  list: authedProcedure
    .input(z.strictObject({}).optional())
    .output(z.array(ZWorkspace))
    .query(({ ctx }) => listWorkspaces({ db: ctx.db, user: ctx.user })),

  get: workspaceProcedure(ZWorkspaceRef, 'VIEWER', byWorkspace)
    .output(ZWorkspace)
    .query(({ ctx }) => getWorkspace(member(ctx))),

  update: workspaceProcedure(ZWorkspaceUpdateInput, 'ADMIN', byWorkspace)
    .output(ZWorkspace)
    .mutation(({ ctx, input }) => updateWorkspace({ ...member(ctx), input })),

  delete: workspaceProcedure(ZWorkspaceRef, 'OWNER', byWorkspace)
    .output(ZOk)
    .mutation(({ ctx }) => deleteWorkspace({ ...member(ctx), audit: auditOf(ctx) })),

  members: workspaceProcedure(ZWorkspaceRef, 'VIEWER', byWorkspace)
    .output(z.array(ZMember))
    .query(({ ctx }) => listMembers(member(ctx))),

  /** Returns the one-time token of the invitation link; only its hash is kept. */
  invite: workspaceProcedure(ZInviteInput, 'ADMIN', byWorkspace)
    .output(z.object({ invitationId: z.string(), token: z.string(), expiresAt: z.date() }))
    .mutation(({ ctx, input }) =>
      inviteMember({
        ...member(ctx),
        input,
        audit: auditOf(ctx),
        ttlMs: ctx.auth.invitationTtlMs,
      }),
    ),

  invitations: workspaceProcedure(ZWorkspaceRef, 'ADMIN', byWorkspace)
    .output(z.array(ZInvitation))
    .query(({ ctx }) => listInvitations(member(ctx))),

  revokeInvite: workspaceProcedure(ZInvitationRef, 'ADMIN', byWorkspace)
    .output(ZOk)
    .mutation(({ ctx, input }) => revokeInvitation({ ...member(ctx), input })),

  /** What an invitation link offers, before signing in or accepting: by token. */
  previewInvite: publicProcedure
    .input(ZAcceptInviteInput)
    .output(ZInvitationPreview)
    .query(({ ctx, input }) => previewInvitation({ db: ctx.db, input })),

  acceptInvite: authedProcedure
    .input(ZAcceptInviteInput)
    .output(ZWorkspace)
    .mutation(({ ctx, input }) =>
      acceptInvitation({ db: ctx.db, user: ctx.user, input, audit: auditOf(ctx) }),
    ),

  setRole: workspaceProcedure(ZSetRoleInput, 'ADMIN', byWorkspace)
    .output(ZMember)
    .mutation(({ ctx, input }) => setMemberRole({ ...member(ctx), input, audit: auditOf(ctx) })),

  removeMember: workspaceProcedure(ZMemberRef, 'ADMIN', byWorkspace)
    .output(ZOk)
    .mutation(({ ctx, input }) => removeMember({ ...member(ctx), input, audit: auditOf(ctx) })),

  leave: workspaceProcedure(ZWorkspaceRef, 'VIEWER', byWorkspace)
    .output(ZOk)
    .mutation(({ ctx }) =>
      removeMember({ ...member(ctx), input: { userId: ctx.user.id }, audit: auditOf(ctx) }),
    ),

  /** The whole workspace as one JSON document, for a backup or a move. */
  export: workspaceProcedure(ZWorkspaceExportInput, 'ADMIN', byWorkspace)
    .output(ZExportFile)
    .query(({ ctx }) => exportWorkspace(member(ctx))),

  /** A workspace document as a new workspace owned by the caller, all or nothing. */
  import: authedProcedure
    .input(ZWorkspaceImportInput)
    .output(z.object({ workspace: ZWorkspace, report: ZWorkspaceImportReport }))
    .mutation(({ ctx, input }) => importWorkspace({ db: ctx.db, user: ctx.user, input })),
});
