import { z } from 'zod';
import { ZEmail, ZId, ZRole, ZSlug, ZUserText, ZVersionedRef } from './common';

export const ZWorkspaceName = ZUserText(120, { min: 1 });
const ZWorkspaceDescription = ZUserText(2000);

export const ZWorkspaceCreateInput = z.strictObject({
  name: ZWorkspaceName,
  slug: ZSlug.optional(),
  description: ZWorkspaceDescription.optional(),
});

export const ZWorkspaceRef = z.strictObject({ workspaceId: ZId });

export const ZWorkspaceUpdateInput = ZVersionedRef('workspaceId').extend({
  name: ZWorkspaceName.optional(),
  description: ZWorkspaceDescription.nullable().optional(),
});

export const ZInviteInput = z.strictObject({
  workspaceId: ZId,
  email: ZEmail,
  role: ZRole,
});

export const ZAcceptInviteInput = z.strictObject({
  token: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'is not a valid invitation token'),
});

export const ZSetRoleInput = z.strictObject({
  workspaceId: ZId,
  userId: ZId,
  role: ZRole,
});

export const ZMemberRef = z.strictObject({ workspaceId: ZId, userId: ZId });
export const ZInvitationRef = z.strictObject({ workspaceId: ZId, invitationId: ZId });

export const ZWorkspace = z.object({
  id: ZId,
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  version: z.number().int(),
  role: ZRole,
});

export const ZMember = z.object({
  userId: ZId,
  name: z.string(),
  email: z.string(),
  role: ZRole,
  joinedAt: z.date(),
});

export const ZInvitation = z.object({
  id: ZId,
  email: z.string(),
  role: ZRole,
  expiresAt: z.date(),
  createdAt: z.date(),
});

/** What an invitation link offers, shown before it is accepted: looked up by
 * its token (which only the invitee received). Never the invitee's email. */
export const ZInvitationPreview = z.object({
  workspaceName: z.string(),
  /** The name of the admin who sent it. */
  inviterName: z.string(),
  role: ZRole,
  expiresAt: z.date(),
  /** `pending` can be accepted; the others explain why it cannot. */
  status: z.enum(['pending', 'accepted', 'expired']),
});
export type TInvitationPreview = z.infer<typeof ZInvitationPreview>;
