// Helpers for notification tests: run the job's steps by hand, read an inbox.
import type { Db } from '@shipshape/db';
import { deriveNotifications } from '@shipshape/api/notifications/derive-notifications';
import type { DeliveryConfig } from '@shipshape/api/notifications/delivery-config';
import type { ApiClient } from './api-client';

export const NO_EMAIL: DeliveryConfig = { emailEnabled: false, emailDelayMs: 0 };

/** Turns every queued activity row into notifications, as the background job does. */
export async function deriveAll(db: Db, delivery: DeliveryConfig = NO_EMAIL, now = new Date()) {
  let handled = 0;
  for (;;) {
    const result = await deriveNotifications({ db, delivery, now });
    handled += result.handled;
    if (result.handled === 0) return handled;
  }
}

/** The person's whole inbox, newest first. */
export async function inbox(client: ApiClient, unreadOnly = false) {
  const page = await client.ok('notification.list', { limit: 100, unreadOnly });
  return page.items;
}

/** Kind and text of each entry, oldest first: what a test compares. */
export async function inboxLines(client: ApiClient) {
  return (await inbox(client)).reverse().map((n) => `${n.kind}: ${n.text}`);
}
