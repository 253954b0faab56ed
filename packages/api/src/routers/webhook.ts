import {
  ZWebhook,
  ZWebhookCreateInput,
  ZWebhookCreated,
  ZWebhookDeliveriesInput,
  ZWebhookDelivery,
  ZWebhookListInput,
  ZWebhookRef,
  ZWebhookUpdateInput,
} from '@shipshape/domain';
import { z } from 'zod';
import { byWebhook, byWorkspace } from '../access';
import { member } from '../actor';
import { router, workspaceProcedure } from '../trpc';
import {
  createWebhook,
  deleteWebhook,
  listWebhookDeliveries,
  listWebhooks,
  sendTestEvent,
  updateWebhook,
} from '../webhooks/manage-webhooks';

const ZOk = z.object({ ok: z.literal(true) });

/** A workspace's webhook endpoints: its admins' business. */
export const webhookRouter = router({
  /** Answers the signing secret once; it is never shown again. */
  create: workspaceProcedure(ZWebhookCreateInput, 'ADMIN', byWorkspace)
    .output(ZWebhookCreated)
    .mutation(({ ctx, input }) => createWebhook({ ...member(ctx), input })),

  list: workspaceProcedure(ZWebhookListInput, 'ADMIN', byWorkspace)
    .output(z.array(ZWebhook))
    .query(({ ctx, input }) => listWebhooks({ ...member(ctx), input })),

  update: workspaceProcedure(ZWebhookUpdateInput, 'ADMIN', byWebhook)
    .output(ZOk)
    .mutation(({ ctx, input }) => updateWebhook({ ...member(ctx), input })),

  delete: workspaceProcedure(ZWebhookRef, 'ADMIN', byWebhook)
    .output(ZOk)
    .mutation(({ ctx, input }) => deleteWebhook({ ...member(ctx), input })),

  /** Queues a `webhook.test` event for the endpoint; its outcome appears in `deliveries`. */
  test: workspaceProcedure(ZWebhookRef, 'ADMIN', byWebhook)
    .output(z.object({ messageId: z.string() }))
    .mutation(({ ctx, input }) => sendTestEvent({ ...member(ctx), input })),

  /** The delivery log, newest first. */
  deliveries: workspaceProcedure(ZWebhookDeliveriesInput, 'ADMIN', byWebhook)
    .output(z.object({ items: z.array(ZWebhookDelivery), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listWebhookDeliveries({ ...member(ctx), input })),
});
