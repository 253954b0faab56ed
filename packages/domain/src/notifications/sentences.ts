// What a notification says, in one sentence, and where it points. Shared by
// the inbox (notification.list) and the emails.

export const NOTIFICATION_KINDS = [
  'ASSIGNED',
  'UNASSIGNED',
  'MENTIONED',
  'COMMENTED',
  'STATUS_CHANGED',
  'DUE_SOON',
  'OVERDUE',
  'INVITATION_ACCEPTED',
  'KPI_OFF_TRACK',
] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ['IN_APP', 'EMAIL', 'OFF'] as const;
export type TNotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Where each kind goes until a person chooses: what needs action reaches them by email. */
export const DEFAULT_CHANNEL: Record<TNotificationKind, TNotificationChannel> = {
  ASSIGNED: 'EMAIL',
  UNASSIGNED: 'IN_APP',
  MENTIONED: 'EMAIL',
  COMMENTED: 'IN_APP',
  STATUS_CHANGED: 'IN_APP',
  DUE_SOON: 'EMAIL',
  OVERDUE: 'EMAIL',
  INVITATION_ACCEPTED: 'IN_APP',
  KPI_OFF_TRACK: 'IN_APP',
};

/** Kinds whose email goes in the daily digest rather than a mail of its own. */
export const DIGEST_KINDS: readonly TNotificationKind[] = ['DUE_SOON', 'OVERDUE'];

const STATUS_WORDS: Record<string, string> = {
  TODO: 'to do',
  IN_PROGRESS: 'in progress',
  BLOCKED: 'blocked',
  DONE: 'done',
  NOT_APPLICABLE: 'not applicable',
};

export interface TNotificationFacts {
  kind: TNotificationKind;
  actorName: string | null;
  /** The item's title, the KPI's name, or the workspace's name. */
  subject: string;
  /** The status an item moved to (STATUS_CHANGED), the due date (DUE_SOON, OVERDUE). */
  status?: string | undefined;
  dueDate?: string | undefined;
}

/** One human sentence: "Ana assigned you “Define the KPIs”." */
export function notificationText(facts: TNotificationFacts): string {
  const who = facts.actorName ?? 'Someone';
  const what = `“${facts.subject}”`;
  switch (facts.kind) {
    case 'ASSIGNED':
      return `${who} assigned you ${what}.`;
    case 'UNASSIGNED':
      return `${who} unassigned you from ${what}.`;
    case 'MENTIONED':
      return `${who} mentioned you in a comment on ${what}.`;
    case 'COMMENTED':
      return `${who} commented on ${what}.`;
    case 'STATUS_CHANGED':
      return `${who} marked ${what} ${STATUS_WORDS[facts.status ?? ''] ?? 'changed'}.`;
    case 'DUE_SOON':
      return `${what} is due tomorrow${facts.dueDate ? ` (${facts.dueDate})` : ''}.`;
    case 'OVERDUE':
      return `${what} is overdue${facts.dueDate ? ` (due ${facts.dueDate})` : ''}.`;
    case 'INVITATION_ACCEPTED':
      return `${who} accepted your invitation and joined ${what}.`;
    case 'KPI_OFF_TRACK':
      return `The KPI ${what} went off track${facts.actorName ? ` after ${who} recorded a measurement` : ''}.`;
  }
}

export interface TNotificationPlace {
  workspaceSlug: string;
  projectId: string | null;
  stageKey: string | null;
  itemId: string | null;
  kpiId: string | null;
}

/** The web app's path straight to what the notification is about. */
export function notificationPath(place: TNotificationPlace): string {
  const workspace = `/w/${encodeURIComponent(place.workspaceSlug)}`;
  if (!place.projectId) return `${workspace}/settings/members`;
  const project = `${workspace}/p/${place.projectId}`;
  if (place.itemId && place.stageKey) {
    return `${project}/s/${encodeURIComponent(place.stageKey)}#item-${place.itemId}`;
  }
  if (place.kpiId) return `${project}/kpis`;
  return project;
}
