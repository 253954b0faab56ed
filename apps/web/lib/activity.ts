const ACTION_TEXT: Record<string, string> = {
  'comment.added': 'commented on an item',
  'comment.deleted': 'deleted a comment',
  'comment.edited': 'edited a comment',
  'evidence.added': 'added evidence to an item',
  'evidence.removed': 'removed evidence from an item',
  'invitation.created': 'invited someone',
  'item.bulk_updated': 'updated several items',
  'item.created': 'added a checklist item',
  'item.moved': 'reordered a checklist item',
  'item.updated': 'updated a checklist item',
  'kpi.archived': 'archived a KPI',
  'kpi.created': 'created a KPI',
  'kpi.recorded': 'recorded a KPI value',
  'kpi.recorded_many': 'imported KPI values',
  'kpi.updated': 'changed a KPI',
  'lesson.created': 'logged a lesson',
  'lesson.deleted': 'deleted a lesson',
  'lesson.updated': 'edited a lesson',
  'member.joined': 'joined the workspace',
  'member.role_changed': 'changed a member’s role',
  'project.created': 'created the project',
  'project.stage_changed': 'moved the project to another stage',
  'project.updated': 'changed the project',
  'project.upgraded': 'moved the project to another checklist version',
  'template.imported': 'imported a checklist template',
  'workspace.created': 'created the workspace',
  'workspace.updated': 'changed the workspace',
};

/** "updated a checklist item", for "Sam updated a checklist item". */
export function describeAction(action: string): string {
  return ACTION_TEXT[action] ?? action.replace(/[._]/g, ' ');
}

function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/** A short detail from the recorded before/after, when there is one worth showing. */
export function describeChange(entry: { before?: unknown; after?: unknown }): string | null {
  const parts: string[] = [];
  for (const key of ['title', 'name', 'status', 'value', 'stageKey']) {
    const after = field(entry.after, key);
    if (typeof after === 'string' || typeof after === 'number') {
      const before = field(entry.before, key);
      parts.push(
        typeof before === 'string' || typeof before === 'number'
          ? `${key}: ${String(before)} → ${String(after)}`
          : `${key}: ${String(after)}`,
      );
    }
  }
  return parts.length ? parts.join(' · ') : null;
}
