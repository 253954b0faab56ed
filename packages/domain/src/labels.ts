// Human words for the enum values the API returns, one place for every client.
// Browser-safe (no parser code): web code may import '@shipshape/domain/labels'.
import type { TRole } from './schemas/common';
import type { ZItemStatus } from './schemas/item';
import type { z } from 'zod';

type TItemStatus = z.infer<typeof ZItemStatus>;

/** "NOT_APPLICABLE" → "Not applicable". */
export const ITEM_STATUS_LABEL: Record<TItemStatus, string> = {
  TODO: 'To do',
  IN_PROGRESS: 'In progress',
  BLOCKED: 'Blocked',
  DONE: 'Done',
  NOT_APPLICABLE: 'Not applicable',
};

/** "MEMBER" → "Member". */
export const ROLE_LABEL: Record<TRole, string> = {
  OWNER: 'Owner',
  ADMIN: 'Admin',
  MEMBER: 'Member',
  VIEWER: 'Viewer',
};

export function itemStatusLabel(status: string): string {
  return (ITEM_STATUS_LABEL as Record<string, string>)[status] ?? humanizeKey(status);
}

export function roleLabel(role: string): string {
  return (ROLE_LABEL as Record<string, string>)[role] ?? humanizeKey(role);
}

/** A key or enum value made readable when no label is known: "data_prep" → "Data prep". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}
