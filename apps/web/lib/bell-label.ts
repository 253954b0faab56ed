// The header bell's words and number (kept apart from the inbox: the bell is in every first load).

/** The bell's accessible name: "Notifications, 2 unread". */
export function bellLabel(count: number | undefined): string {
  return count === undefined ? 'Notifications' : `Notifications, ${count} unread`;
}

/** The number on the bell: nothing at 0, "99+" beyond 99. */
export function bellBadge(count: number | undefined): string | null {
  if (!count) return null;
  return count > 99 ? '99+' : String(count);
}
