// Authorization rows for the webhook procedures (merged into
// `authorizationRows`): all of them are for the workspace's ADMINs and OWNER.
// The fixture has one endpoint in the fixture workspace for the rows that
// name an endpoint by id.
import type { Db } from '@shipshape/db';
import type { Fixture } from './authz-fixture';
import type { MatrixRow } from './authz-rows';

/** The fixture fields these rows read beyond `Fixture`'s own. */
export interface WebhookFixtureFields {
  webhookId: string;
}

/** Makes the fixture's endpoint; call it in `createFixture`. */
export async function createFixtureWebhook(
  db: Db,
  workspaceId: string,
): Promise<WebhookFixtureFields> {
  const created = await db.webhook.create({
    data: {
      workspaceId,
      url: 'https://hooks.example.test/shipshape',
      events: ['item.updated'],
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    },
    select: { id: true },
  });
  return { webhookId: created.id };
}

const hook = (f: Fixture) => ({ id: (f as Fixture & WebhookFixtureFields).webhookId });

export const webhookAuthorizationRows: Record<string, MatrixRow> = {
  'webhook.create': {
    access: 'ADMIN',
    input: (f) => ({
      workspaceId: f.workspaceId,
      url: 'https://hooks.example.test/new',
      events: ['item.completed', 'kpi.off_track'],
    }),
  },
  'webhook.list': { access: 'ADMIN', input: (f) => ({ workspaceId: f.workspaceId }) },
  'webhook.update': { access: 'ADMIN', input: (f) => ({ ...hook(f), enabled: false }) },
  'webhook.delete': { access: 'ADMIN', input: hook },
  'webhook.test': { access: 'ADMIN', input: hook },
  'webhook.deliveries': { access: 'ADMIN', input: (f) => ({ ...hook(f), limit: 10 }) },
};
