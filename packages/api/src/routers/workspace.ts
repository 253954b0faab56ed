import {
  ZAcceptInviteInput,
  ZInvitation,
  ZInvitationRef,
  ZInviteInput,
  ZMember,
  ZMemberRef,
  ZSetRoleInput,
  ZWorkspace,
  ZWorkspaceCreateInput,
  ZWorkspaceRef,
  ZWorkspaceUpdateInput,
  slugFromName,
  type TRole,
} from '@shipshape/domain';
import { Prisma } from '@shipshape/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { byWorkspace, roleAtLeast } from '../access';
import { recordActivity } from '../activity';
import { newOpaqueToken, sha256 } from '../auth/refresh-tokens';
import type { MemberContext } from '../context';
import { conflict, forbidden, notFound } from '../errors';
import { securityLog } from '../security-log';
import { authedProcedure, router, workspaceProcedure } from '../trpc';
import { ensureOwnerRemains } from './workspace-owners';

const workspaceFields = { id: true, name: true, slug: true, description: true, version: true };

export const workspaceRouter = router({
  create: authedProcedure
    .input(ZWorkspaceCreateInput)
    .output(ZWorkspace)
    .mutation(async ({ ctx, input }) => {
      const base = input.slug ?? slugFromName(input.name);
      for (let attempt = 0; attempt < 20; attempt++) {
        const slug = attempt === 0 ? base : `${base}-${attempt + 1}`;
        try {
          return await ctx.db.$transaction(async (tx) => {
            const workspace = await tx.workspace.create({
              data: {
                name: input.name,
                slug,
                description: input.description ?? null,
                memberships: { create: { userId: ctx.user.id, role: 'OWNER' } },
              },
              select: workspaceFields,
            });
            await recordActivity(tx, {
              workspaceId: workspace.id,
              actorId: ctx.user.id,
              action: 'workspace.created',
              entityType: 'workspace',
              entityId: workspace.id,
              after: workspace,
            });
            return { ...workspace, role: 'OWNER' as const };
          });
        } catch (error) {
          const slugTaken =
            error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
          if (!slugTaken) throw error;
          if (input.slug) {
            throw new TRPCError({ code: 'CONFLICT', message: `The slug "${slug}" is taken.` });
          }
        }
      }
      throw new TRPCError({ code: 'CONFLICT', message: 'Could not find a free slug; pick one.' });
    }),

  list: authedProcedure
    .input(z.strictObject({}).optional())
    .output(z.array(ZWorkspace))
    .query(async ({ ctx }) => {
      const memberships = await ctx.db.membership.findMany({
        where: { userId: ctx.user.id },
        select: { role: true, workspace: { select: workspaceFields } },
        orderBy: { workspace: { name: 'asc' } },
      });
      return memberships.map((m) => ({ ...m.workspace, role: m.role }));
    }),

  get: workspaceProcedure(ZWorkspaceRef, 'VIEWER', byWorkspace)
    .output(ZWorkspace)
    .query(async ({ ctx }) => {
      const workspace = await ctx.db.workspace.findUniqueOrThrow({
        where: { id: ctx.workspaceId },
        select: workspaceFields,
      });
      return { ...workspace, role: ctx.role };
    }),

  update: workspaceProcedure(ZWorkspaceUpdateInput, 'ADMIN', byWorkspace)
    .output(ZWorkspace)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.$transaction(async (tx) => {
        const before = await tx.workspace.findUniqueOrThrow({
          where: { id: ctx.workspaceId },
          select: workspaceFields,
        });
        const updated = await tx.workspace.updateMany({
          where: { id: ctx.workspaceId, version: input.expectedVersion },
          data: {
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.description !== undefined ? { description: input.description } : {}),
            version: { increment: 1 },
          },
        });
        if (updated.count === 0) throw conflict('workspace', { ...before, role: ctx.role });
        const after = await tx.workspace.findUniqueOrThrow({
          where: { id: ctx.workspaceId },
          select: workspaceFields,
        });
        await recordActivity(tx, {
          workspaceId: ctx.workspaceId,
          actorId: ctx.user.id,
          action: 'workspace.updated',
          entityType: 'workspace',
          entityId: ctx.workspaceId,
          before,
          after,
        });
        return { ...after, role: ctx.role };
      });
    }),

  delete: workspaceProcedure(ZWorkspaceRef, 'OWNER', byWorkspace)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx }) => {
      await ctx.db.workspace.delete({ where: { id: ctx.workspaceId } });
      securityLog(ctx, 'member.removed', {
        outcome: 'success',
        userId: ctx.user.id,
        workspaceId: ctx.workspaceId,
        reason: 'workspace-deleted',
      });
      return { ok: true as const };
    }),

  members: workspaceProcedure(ZWorkspaceRef, 'VIEWER', byWorkspace)
    .output(z.array(ZMember))
    .query(async ({ ctx }) => {
      const memberships = await ctx.db.membership.findMany({
        where: { workspaceId: ctx.workspaceId },
        select: {
          role: true,
          createdAt: true,
          user: { select: { id: true, name: true, email: true } },
        },
        orderBy: { user: { name: 'asc' } },
      });
      return memberships.map((m) => ({
        userId: m.user.id,
        name: m.user.name,
        email: m.user.email,
        role: m.role,
        joinedAt: m.createdAt,
      }));
    }),

  /** Returns the one-time token of the invitation link; only its hash is kept. */
  invite: workspaceProcedure(ZInviteInput, 'ADMIN', byWorkspace)
    .output(z.object({ invitationId: z.string(), token: z.string(), expiresAt: z.date() }))
    .mutation(async ({ ctx, input }) => {
      if (input.role === 'OWNER' && ctx.role !== 'OWNER') {
        throw forbidden('Only an owner can invite another owner.');
      }
      const token = newOpaqueToken();
      const expiresAt = new Date(Date.now() + ctx.auth.invitationTtlMs);
      const invitation = await ctx.db.$transaction(async (tx) => {
        const created = await tx.invitation.create({
          data: {
            workspaceId: ctx.workspaceId,
            email: input.email,
            role: input.role,
            tokenHash: sha256(token),
            expiresAt,
            invitedById: ctx.user.id,
          },
          select: { id: true, email: true, role: true, expiresAt: true },
        });
        await recordActivity(tx, {
          workspaceId: ctx.workspaceId,
          actorId: ctx.user.id,
          action: 'invitation.created',
          entityType: 'invitation',
          entityId: created.id,
          after: created,
        });
        return created;
      });
      securityLog(ctx, 'invitation.created', {
        outcome: 'success',
        userId: ctx.user.id,
        workspaceId: ctx.workspaceId,
        role: input.role,
      });
      return { invitationId: invitation.id, token, expiresAt };
    }),

  invitations: workspaceProcedure(ZWorkspaceRef, 'ADMIN', byWorkspace)
    .output(z.array(ZInvitation))
    .query(({ ctx }) =>
      ctx.db.invitation.findMany({
        where: {
          workspaceId: ctx.workspaceId,
          acceptedAt: null,
          revokedAt: null,
          expiresAt: { gt: new Date() },
        },
        select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
        orderBy: { createdAt: 'desc' },
      }),
    ),

  revokeInvite: workspaceProcedure(ZInvitationRef, 'ADMIN', byWorkspace)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const revoked = await ctx.db.invitation.updateMany({
        where: {
          id: input.invitationId,
          workspaceId: ctx.workspaceId,
          acceptedAt: null,
          revokedAt: null,
        },
        data: { revokedAt: new Date() },
      });
      if (revoked.count === 0) throw notFound('Invitation');
      return { ok: true as const };
    }),

  acceptInvite: authedProcedure
    .input(ZAcceptInviteInput)
    .output(ZWorkspace)
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.db.$transaction(async (tx) => {
        const invitation = await tx.invitation.findUnique({
          where: { tokenHash: sha256(input.token) },
        });
        if (!invitation || invitation.revokedAt) throw notFound('Invitation');
        if (invitation.acceptedAt) {
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: 'This invitation has already been used.',
          });
        }
        if (invitation.expiresAt <= new Date()) {
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: 'This invitation has expired. Ask for a new one.',
          });
        }
        if (invitation.email !== ctx.user.email) {
          throw forbidden(
            'This invitation was sent to another email address. Sign in with that address to accept it.',
          );
        }
        // Only one acceptance can win, even when two arrive at once.
        const claimed = await tx.invitation.updateMany({
          where: { id: invitation.id, acceptedAt: null },
          data: { acceptedAt: new Date(), acceptedById: ctx.user.id },
        });
        if (claimed.count === 0) {
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: 'This invitation has already been used.',
          });
        }
        const existing = await tx.membership.findUnique({
          where: {
            workspaceId_userId: { workspaceId: invitation.workspaceId, userId: ctx.user.id },
          },
        });
        // An existing member keeps the higher of the two roles.
        const role: TRole =
          existing && roleAtLeast(existing.role, invitation.role) ? existing.role : invitation.role;
        await tx.membership.upsert({
          where: {
            workspaceId_userId: { workspaceId: invitation.workspaceId, userId: ctx.user.id },
          },
          create: { workspaceId: invitation.workspaceId, userId: ctx.user.id, role },
          update: { role, version: { increment: 1 } },
        });
        await recordActivity(tx, {
          workspaceId: invitation.workspaceId,
          actorId: ctx.user.id,
          action: 'member.joined',
          entityType: 'membership',
          entityId: ctx.user.id,
          after: { userId: ctx.user.id, role },
        });
        const workspace = await tx.workspace.findUniqueOrThrow({
          where: { id: invitation.workspaceId },
          select: workspaceFields,
        });
        return { ...workspace, role };
      });
      securityLog(ctx, 'invitation.accepted', {
        outcome: 'success',
        userId: ctx.user.id,
        workspaceId: result.id,
        role: result.role,
      });
      return result;
    }),

  setRole: workspaceProcedure(ZSetRoleInput, 'ADMIN', byWorkspace)
    .output(ZMember)
    .mutation(async ({ ctx, input }) => {
      const member = await ctx.db.$transaction(async (tx) => {
        const target = await tx.membership.findUnique({
          where: { workspaceId_userId: { workspaceId: ctx.workspaceId, userId: input.userId } },
          include: { user: { select: { id: true, name: true, email: true } } },
        });
        if (!target) throw notFound('Member');
        if ((target.role === 'OWNER' || input.role === 'OWNER') && ctx.role !== 'OWNER') {
          throw forbidden('Only an owner can make or unmake owners.');
        }
        if (target.role === 'OWNER' && input.role !== 'OWNER') {
          await ensureOwnerRemains(tx, ctx.workspaceId, input.userId);
        }
        const updated = await tx.membership.update({
          where: { id: target.id },
          data: { role: input.role, version: { increment: 1 } },
        });
        await recordActivity(tx, {
          workspaceId: ctx.workspaceId,
          actorId: ctx.user.id,
          action: 'member.role_changed',
          entityType: 'membership',
          entityId: input.userId,
          before: { role: target.role },
          after: { role: input.role },
        });
        return {
          userId: target.user.id,
          name: target.user.name,
          email: target.user.email,
          role: updated.role,
          joinedAt: updated.createdAt,
        };
      });
      securityLog(ctx, 'member.role_changed', {
        outcome: 'success',
        userId: ctx.user.id,
        workspaceId: ctx.workspaceId,
        targetUserId: input.userId,
        role: input.role,
      });
      return member;
    }),

  removeMember: workspaceProcedure(ZMemberRef, 'ADMIN', byWorkspace)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await removeMembership(ctx, input.userId);
      return { ok: true as const };
    }),

  leave: workspaceProcedure(ZWorkspaceRef, 'VIEWER', byWorkspace)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx }) => {
      await removeMembership(ctx, ctx.user.id);
      return { ok: true as const };
    }),
});

async function removeMembership(ctx: MemberContext, userId: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const target = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: ctx.workspaceId, userId } },
    });
    if (!target) throw notFound('Member');
    const self = userId === ctx.user.id;
    if (!self && target.role === 'OWNER' && ctx.role !== 'OWNER') {
      throw forbidden('Only an owner can remove an owner.');
    }
    if (target.role === 'OWNER') await ensureOwnerRemains(tx, ctx.workspaceId, userId);
    await tx.membership.delete({ where: { id: target.id } });
    await tx.projectItem.updateMany({
      where: { workspaceId: ctx.workspaceId, assigneeId: userId },
      data: { assigneeId: null, version: { increment: 1 } },
    });
    await recordActivity(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.user.id,
      action: self ? 'member.left' : 'member.removed',
      entityType: 'membership',
      entityId: userId,
      before: { role: target.role },
    });
  });
  securityLog(ctx, 'member.removed', {
    outcome: 'success',
    userId: ctx.user.id,
    workspaceId: ctx.workspaceId,
    targetUserId: userId,
  });
}
