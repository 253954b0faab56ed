// One human sentence per activity entry: "set “Define the KPI” to Not applicable",
// "moved the project to Modelling", "invited bob@x.com as Member". The actor's
// name goes in front (the feed shows it in bold).
import { humanizeKey, itemStatusLabel, roleLabel } from '@shipshape/domain/labels';
import { formatDate } from '../../lib/format';
import { APPROACH_LABEL, INFERENCE_LABEL, PHASE_SHORT } from '../../lib/labels';

export interface ActivityLike {
  action: string;
  before?: unknown;
  after?: unknown;
  entityTitle?: string | null;
  projectName?: string | null;
  invitee?: { email: string; role: string } | null;
}

export interface ActivityNames {
  /** A stage's title for its key, when known ("modelling" → "Modelling"). */
  stageTitle?: (key: string) => string | undefined;
  /** A member's name for their user id, when known. */
  memberName?: (userId: string) => string | undefined;
  /** True in one project's feed: its entries say "the project", not its name. */
  inProject?: boolean;
}

type Record_ = Record<string, unknown>;

function record(value: unknown): Record_ {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record_) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function quoted(title: string): string {
  return `“${title}”`;
}

/** "a, b and c". */
function joinClauses(clauses: string[]): string {
  if (clauses.length <= 1) return clauses[0] ?? '';
  return `${clauses.slice(0, -1).join(', ')} and ${clauses.at(-1)}`;
}

function has(value: Record_, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

function dueDateText(value: unknown): string | undefined {
  const date = text(value);
  return date ? formatDate(date) : undefined;
}

/** The rest of the sentence after the actor's name. */
export function describeActivity(entry: ActivityLike, names: ActivityNames = {}): string {
  const before = record(entry.before);
  const after = record(entry.after);
  const stage = (key: unknown) => {
    const k = text(key);
    return k ? (names.stageTitle?.(k) ?? humanizeKey(k)) : undefined;
  };
  const member = (id: unknown) => {
    const k = text(id);
    return k ? (names.memberName?.(k) ?? 'a member') : undefined;
  };
  const itemTitle =
    entry.entityTitle ?? text(after.title) ?? text(before.title) ?? text(after.name) ?? undefined;
  const item = itemTitle ? quoted(itemTitle) : 'a checklist item';
  const project = names.inProject || !entry.projectName ? 'the project' : quoted(entry.projectName);
  const named = (kind: string) => (itemTitle ? `the ${kind} ${quoted(itemTitle)}` : `a ${kind}`);

  switch (entry.action) {
    case 'item.updated':
      return describeItemUpdate(item, after, member);
    case 'item.bulk_updated':
      return describeBulkUpdate(entry, member);
    case 'item.created': {
      const where = stage(after.stageKey);
      return where ? `added ${item} to ${where}` : `added ${item}`;
    }
    case 'item.moved':
      return `reordered ${item}`;
    case 'comment.added':
      return `commented on ${item}`;
    case 'comment.edited':
      return `edited a comment on ${item}`;
    case 'comment.deleted':
      return `deleted a comment on ${item}`;
    case 'evidence.added':
      return `added evidence to ${item}`;
    case 'evidence.removed':
      return `removed evidence from ${item}`;
    case 'kpi.created':
      return `created ${named('KPI')}`;
    case 'kpi.updated':
      return `changed ${named('KPI')}`;
    case 'kpi.archived':
      return `archived ${named('KPI')}`;
    case 'kpi.recorded': {
      const value = typeof after.value === 'number' ? String(after.value) : undefined;
      return value
        ? `recorded ${value} for ${named('KPI')}`
        : `recorded a value for ${named('KPI')}`;
    }
    case 'kpi.recorded_many': {
      const count = typeof after.count === 'number' ? after.count : undefined;
      const values = count === undefined ? 'values' : `${count} value${count === 1 ? '' : 's'}`;
      return `imported ${values} for ${named('KPI')}`;
    }
    case 'lesson.created':
      return `logged ${named('lesson')}`;
    case 'lesson.updated':
      return `edited ${named('lesson')}`;
    case 'lesson.deleted':
      return `deleted ${named('lesson')}`;
    case 'member.joined': {
      const role = text(after.role);
      return role ? `joined the workspace as ${roleLabel(role)}` : 'joined the workspace';
    }
    case 'member.role_changed': {
      const who = entry.entityTitle ? `${entry.entityTitle}’s` : 'a member’s';
      const from = text(before.role);
      const to = text(after.role);
      if (from && to) return `changed ${who} role from ${roleLabel(from)} to ${roleLabel(to)}`;
      return `changed ${who} role`;
    }
    case 'invitation.created': {
      const email = entry.invitee?.email ?? text(after.email);
      const role = entry.invitee?.role ?? text(after.role);
      if (email && role) return `invited ${email} as ${roleLabel(role)}`;
      if (email) return `invited ${email}`;
      return 'invited someone to the workspace';
    }
    case 'project.created':
      return `created ${project === 'the project' ? 'the project' : `the project ${project}`}`;
    case 'project.stage_changed': {
      const to = stage(after.currentStageKey);
      return to ? `moved ${project} to ${to}` : `moved ${project} to another stage`;
    }
    case 'project.updated':
      return describeProjectUpdate(project, before, after);
    case 'project.archived':
      return `archived ${project}`;
    case 'project.unarchived':
      return `restored ${project}`;
    case 'project.upgraded': {
      const template = record(after.template);
      const name = text(template.name);
      const version = text(template.versionLabel);
      return name
        ? `moved ${project} to the checklist ${quoted(version ? `${name} v${version}` : name)}`
        : `moved ${project} to another checklist version`;
    }
    case 'template.imported': {
      const name = text(after.name);
      const version = text(after.versionLabel);
      return name
        ? `imported the checklist template ${quoted(version ? `${name} v${version}` : name)}`
        : 'imported a checklist template';
    }
    case 'workspace.created':
      return 'created the workspace';
    case 'workspace.updated': {
      const name = text(after.name);
      return name && name !== text(before.name)
        ? `renamed the workspace to ${quoted(name)}`
        : 'changed the workspace';
    }
    case 'webhook.disabled': {
      const url = text(after.url);
      return `turned off the webhook${url ? ` to ${url}` : ''} after 3 days of failed deliveries (Settings → Webhooks turns it back on)`;
    }
    default:
      return humanizeKey(entry.action).toLowerCase();
  }
}

/** Actions Shipshape takes by itself (no person acted): named as Shipshape, not "Someone". */
export const SYSTEM_ACTIONS: ReadonlySet<string> = new Set(['webhook.disabled']);

function describeItemUpdate(
  item: string,
  after: Record_,
  member: (id: unknown) => string | undefined,
): string {
  const clauses: string[] = [];
  // The first clause names the item; the others say "it" / "its".
  const subject = () => (clauses.length === 0 ? item : 'it');
  if (has(after, 'status') && text(after.status)) {
    const reason = after.status === 'NOT_APPLICABLE' ? text(after.notApplicableReason) : undefined;
    clauses.push(
      `set ${subject()} to ${itemStatusLabel(String(after.status))}${reason ? ` (${reason})` : ''}`,
    );
  }
  if (has(after, 'assigneeId')) {
    const to = member(after.assigneeId);
    clauses.push(to ? `assigned ${subject()} to ${to}` : `unassigned ${subject()}`);
  }
  if (has(after, 'dueDate')) {
    const due = dueDateText(after.dueDate);
    const target = clauses.length === 0 ? `the due date of ${item}` : 'its due date';
    clauses.push(due ? `set ${target} to ${due}` : `removed ${target}`);
  }
  if (has(after, 'notes')) {
    clauses.push(clauses.length === 0 ? `edited the notes of ${item}` : 'edited its notes');
  }
  if (clauses.length === 0 && has(after, 'notApplicableReason')) {
    clauses.push(`changed why ${item} does not apply`);
  }
  return clauses.length ? joinClauses(clauses) : `updated ${item}`;
}

function describeBulkUpdate(
  entry: ActivityLike,
  member: (id: unknown) => string | undefined,
): string {
  const after = Array.isArray(entry.after) ? entry.after.map(record) : [];
  const beforeList = Array.isArray(entry.before) ? entry.before.map(record) : [];
  const count = after.length;
  const subject =
    count === 1 && entry.entityTitle
      ? quoted(entry.entityTitle)
      : count > 0
        ? `${count} checklist item${count === 1 ? '' : 's'}`
        : 'several checklist items';
  const same = (key: string) => {
    const values = new Set(after.map((row) => row[key]));
    return values.size === 1 ? [...values][0] : undefined;
  };
  const changed = (key: string) =>
    after.some((row, i) => JSON.stringify(row[key]) !== JSON.stringify(beforeList[i]?.[key]));
  const clauses: string[] = [];
  const status = same('status');
  if (changed('status') && typeof status === 'string') {
    clauses.push(`set ${subject} to ${itemStatusLabel(status)}`);
  }
  if (changed('assigneeId') && after.length > 0) {
    const assignee = same('assigneeId');
    const target = clauses.length === 0 ? subject : 'them';
    if (assignee === null) clauses.push(`unassigned ${target}`);
    else if (typeof assignee === 'string')
      clauses.push(`assigned ${target} to ${member(assignee)}`);
  }
  return clauses.length ? joinClauses(clauses) : `updated ${subject}`;
}

function describeProjectUpdate(project: string, before: Record_, after: Record_): string {
  const clauses: string[] = [];
  const changed = (key: string) =>
    has(after, key) && JSON.stringify(after[key]) !== JSON.stringify(before[key]);
  const newName = text(after.name);
  if (changed('name') && newName) {
    const oldName = text(before.name);
    const from = project !== 'the project' && oldName ? quoted(oldName) : project;
    clauses.push(`renamed ${from} to ${quoted(newName)}`);
  }
  const set = (label: string, value: string | undefined) => {
    const whose = clauses.length === 0 ? `the ${label} of ${project}` : `its ${label}`;
    clauses.push(value ? `set ${whose} to ${value}` : `cleared ${whose}`);
  };
  if (changed('phase')) set('phase', lookup(PHASE_SHORT, after.phase));
  if (changed('approach')) set('approach', lookup(APPROACH_LABEL, after.approach));
  if (changed('inference')) set('inference', lookup(INFERENCE_LABEL, after.inference));
  if (changed('description')) {
    clauses.push(
      clauses.length === 0 ? `edited the description of ${project}` : 'edited its description',
    );
  }
  return clauses.length ? joinClauses(clauses) : `changed ${project}`;
}

function lookup(labels: Record<string, string>, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return labels[value] ?? humanizeKey(value);
}
