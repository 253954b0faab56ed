// The inbox's shape: entries grouped by project, newest first.

/** What grouping reads from a notification (notification.list's items). */
export interface Groupable {
  id: string;
  workspace: { id: string; name: string };
  project: { id: string; name: string } | null;
}

export interface NotificationGroup<T extends Groupable> {
  /** The project's id, or `workspace:<id>` for workspace-wide entries. */
  key: string;
  /** The project's name, or the workspace's for entries that belong to no project. */
  title: string;
  items: T[];
}

/**
 * Entries grouped by project, groups in the order of their newest entry (the
 * list comes newest first), each entry once even if pages overlap.
 */
export function groupByProject<T extends Groupable>(items: readonly T[]): NotificationGroup<T>[] {
  const groups = new Map<string, NotificationGroup<T>>();
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const key = item.project ? item.project.id : `workspace:${item.workspace.id}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, title: item.project?.name ?? item.workspace.name, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}
