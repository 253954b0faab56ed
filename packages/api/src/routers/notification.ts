import {
  ZItemWatchInput,
  ZNotificationIds,
  ZNotificationListInput,
  ZNotificationPage,
  ZNotificationPreferences,
  ZNotificationPreferencesInput,
  ZProjectWatchInput,
  ZUnsubscribeInput,
  ZWatchState,
} from '@shipshape/domain';
import { z } from 'zod';
import { byItem, byProject } from '../access';
import { member } from '../actor';
import type { Context } from '../context';
import { NO_EMAIL } from '../notifications/delivery-config';
import {
  countUnread,
  listNotifications,
  markAllRead,
  markRead,
} from '../notifications/list-notifications';
import {
  getNotificationPreferences,
  setNotificationPreferences,
  unsubscribe,
} from '../notifications/notification-preferences';
import {
  getItemWatch,
  getProjectWatch,
  setItemWatch,
  setProjectWatch,
} from '../notifications/watch-item';
import { authedProcedure, publicProcedure, router, workspaceProcedure } from '../trpc';

const ZNoInput = z.strictObject({}).optional();
const ZUpdated = z.object({ updated: z.number().int() });
const delivery = (ctx: Context) => ctx.notifications?.delivery ?? NO_EMAIL;

// The caller's own inbox: no workspace in the input; each notification is
// shown only while its recipient still belongs to its workspace.
export const notificationRouter = router({
  /** Newest first: `{ items: [{ id, kind, createdAt, readAt, text, url, … }], nextCursor }`. */
  list: authedProcedure
    .input(ZNotificationListInput)
    .output(ZNotificationPage)
    .query(({ ctx, input }) => listNotifications({ db: ctx.db, user: ctx.user, input })),

  /** The bell's number. */
  unreadCount: authedProcedure
    .input(ZNoInput)
    .output(z.object({ count: z.number().int() }))
    .query(({ ctx }) => countUnread({ db: ctx.db, user: ctx.user })),

  /** Ids that are not the caller's are ignored. */
  markRead: authedProcedure
    .input(ZNotificationIds)
    .output(ZUpdated)
    .mutation(({ ctx, input }) => markRead({ db: ctx.db, user: ctx.user, input })),

  markAllRead: authedProcedure
    .input(ZNoInput)
    .output(ZUpdated)
    .mutation(({ ctx }) => markAllRead({ db: ctx.db, user: ctx.user })),

  /** Whether the caller follows an item (by hand, automatically, or through its project). */
  itemWatch: workspaceProcedure(ZItemWatchInput, 'VIEWER', byItem)
    .output(ZWatchState)
    .query(({ ctx, input }) => getItemWatch({ ...member(ctx), input })),

  watchItem: workspaceProcedure(ZItemWatchInput, 'VIEWER', byItem)
    .output(ZWatchState)
    .mutation(({ ctx, input }) =>
      setItemWatch({ ...member(ctx), input: { ...input, watching: true } }),
    ),

  /** Kept: commenting or being mentioned later does not watch it again. */
  unwatchItem: workspaceProcedure(ZItemWatchInput, 'VIEWER', byItem)
    .output(ZWatchState)
    .mutation(({ ctx, input }) =>
      setItemWatch({ ...member(ctx), input: { ...input, watching: false } }),
    ),

  projectWatch: workspaceProcedure(ZProjectWatchInput, 'VIEWER', byProject)
    .output(ZWatchState)
    .query(({ ctx, input }) => getProjectWatch({ ...member(ctx), input })),

  watchProject: workspaceProcedure(ZProjectWatchInput, 'VIEWER', byProject)
    .output(ZWatchState)
    .mutation(({ ctx, input }) =>
      setProjectWatch({ ...member(ctx), input: { ...input, watching: true } }),
    ),

  unwatchProject: workspaceProcedure(ZProjectWatchInput, 'VIEWER', byProject)
    .output(ZWatchState)
    .mutation(({ ctx, input }) =>
      setProjectWatch({ ...member(ctx), input: { ...input, watching: false } }),
    ),

  /** Channels per kind, digest hour and time zone, and `emailEnabled` (false without SMTP_URL). */
  preferences: authedProcedure
    .input(ZNoInput)
    .output(ZNotificationPreferences)
    .query(({ ctx }) =>
      getNotificationPreferences({ db: ctx.db, user: ctx.user, delivery: delivery(ctx) }),
    ),

  /** Changes only what it names; answers the preferences as they now are. */
  setPreferences: authedProcedure
    .input(ZNotificationPreferencesInput)
    .output(ZNotificationPreferences)
    .mutation(({ ctx, input }) =>
      setNotificationPreferences({ db: ctx.db, user: ctx.user, input, delivery: delivery(ctx) }),
    ),

  /** A mail's unsubscribe link, by its signed token: no sign-in needed. */
  unsubscribe: publicProcedure
    .input(ZUnsubscribeInput)
    .output(z.object({ ok: z.literal(true), scope: z.string() }))
    .mutation(({ ctx, input }) =>
      unsubscribe({
        db: ctx.db,
        secret: ctx.notifications?.unsubscribeSecret ?? '',
        token: input.token,
      }),
    ),
});
