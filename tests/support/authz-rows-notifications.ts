// Authorization rows for the notification procedures (merged into
// `authorizationRows`). The inbox, preferences and unsubscribe are the
// caller's own (no workspace in the input); watching names an item or a
// project, so it needs membership like any read.
import type { Fixture } from './authz-fixture';
import type { MatrixRow } from './authz-rows';

const item = (f: Fixture) => ({ itemId: f.itemId });
const project = (f: Fixture) => ({ projectId: f.projectId });

export const notificationAuthorizationRows: Record<string, MatrixRow> = {
  'notification.list': { access: 'authed', input: () => ({ unreadOnly: true, limit: 10 }) },
  'notification.unreadCount': { access: 'authed', input: () => undefined },
  'notification.markRead': {
    access: 'authed',
    input: () => ({ ids: ['00000000-0000-7000-8000-000000000000'] }),
  },
  'notification.markAllRead': { access: 'authed', input: () => undefined },
  'notification.itemWatch': { access: 'VIEWER', input: item },
  'notification.watchItem': { access: 'VIEWER', input: item },
  'notification.unwatchItem': { access: 'VIEWER', input: item },
  'notification.projectWatch': { access: 'VIEWER', input: project },
  'notification.watchProject': { access: 'VIEWER', input: project },
  'notification.unwatchProject': { access: 'VIEWER', input: project },
  'notification.preferences': { access: 'authed', input: () => undefined },
  'notification.setPreferences': {
    access: 'authed',
    input: () => ({ channels: { COMMENTED: 'EMAIL' }, timeZone: 'Europe/Paris', digestHour: 7 }),
  },
  'notification.unsubscribe': { access: 'public', input: () => ({ token: 'not-a-real-token' }) },
};
