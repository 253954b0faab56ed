import type { z } from 'zod';
import type { ZItemStatus, ZKpiDirection } from '@shipshape/domain';
import { ITEM_STATUS_LABEL } from '@shipshape/domain/labels';
import type { ZEvidenceKind, ZKpiKind } from '@shipshape/domain';
// The progress rules are browser-safe and small; the root entry would bring the parser along.
import {
  ITEM_STATUSES as DOMAIN_ITEM_STATUSES,
  OPEN_STATUSES as DOMAIN_OPEN_STATUSES,
  buildItemTree as buildTree,
  isOverdue as isOverdueOn,
  type TTreeNode,
} from '@shipshape/domain/progress/index';
import type { RouterOutputs } from './trpc';
import { keysOf } from './utils';

export type ItemStatus = z.infer<typeof ZItemStatus>;
export type EvidenceKind = z.infer<typeof ZEvidenceKind>;
export type KpiKind = z.infer<typeof ZKpiKind>;
export type KpiDirection = z.infer<typeof ZKpiDirection>;
/** An item as the browser receives it (dates as ISO strings). */
export type Item = RouterOutputs['item']['get'];

/** The statuses, in workflow order (one definition, in the domain package). */
export const ITEM_STATUSES: readonly ItemStatus[] = DOMAIN_ITEM_STATUSES;

/** Human words for each status (defined once, in the domain). */
export const STATUS_LABEL: Record<ItemStatus, string> = ITEM_STATUS_LABEL;

export const STATUS_DOT: Record<ItemStatus, string> = {
  TODO: 'bg-stage-not-started',
  IN_PROGRESS: 'bg-stage-in-progress',
  BLOCKED: 'bg-stage-blocked',
  DONE: 'bg-stage-done',
  NOT_APPLICABLE: 'bg-stage-empty border border-input',
};

export const OPEN_STATUSES: ReadonlySet<ItemStatus> = new Set(DOMAIN_OPEN_STATUSES);

// Option lists copy the domain's enums (importing them would bring zod's runtime into every
// page): each is the keys of its label record, which lists the values in the enum's order;
// lib/enum-lists.test.ts pins each list to its enum.
export const EVIDENCE_LABEL: Record<EvidenceKind, string> = {
  EXPERIMENT_RUN: 'Experiment run',
  COMMIT: 'Commit',
  PULL_REQUEST: 'Pull request',
  DATASET_VERSION: 'Dataset version',
  DOCUMENT: 'Document',
  OTHER: 'Other',
};
export const EVIDENCE_KINDS = keysOf(EVIDENCE_LABEL);

export const KPI_KIND_LABEL: Record<KpiKind, string> = {
  BUSINESS: 'Business',
  MODEL: 'Model',
  SYSTEM: 'System',
};
export const KPI_KINDS = keysOf(KPI_KIND_LABEL);

export const KPI_DIRECTION_LABEL: Record<KpiDirection, string> = {
  HIGHER_IS_BETTER: 'Higher is better',
  LOWER_IS_BETTER: 'Lower is better',
};
export const KPI_DIRECTIONS = keysOf(KPI_DIRECTION_LABEL);

export type ItemNode = TTreeNode<Item>;

/** The stage's flat item list as a tree (by parentId), siblings by position. */
export function buildItemTree(items: readonly Item[]): ItemNode[] {
  return buildTree(items);
}

/**
 * `next`, with every node that shows the same as one of `previous` (the same
 * item object, the same children) taken from `previous`: after a change to
 * one item, the memoized rows of all the others see their old props.
 */
export function reuseNodes(previous: readonly ItemNode[], next: ItemNode[]): ItemNode[] {
  const before = new Map<string, ItemNode>();
  const index = (nodes: readonly ItemNode[]) => {
    for (const node of nodes) {
      before.set(node.item.id, node);
      index(node.children);
    }
  };
  index(previous);
  const same = (a: readonly ItemNode[], b: readonly ItemNode[]) =>
    a.length === b.length && a.every((node, i) => node === b[i]);
  const reuse = (nodes: ItemNode[]): ItemNode[] =>
    nodes.map((node) => {
      const children = reuse(node.children);
      const old = before.get(node.item.id);
      if (old && old.item === node.item && same(children, old.children)) return old;
      return same(children, node.children) ? node : { ...node, children };
    });
  const result = reuse(next);
  return same(result, previous) ? (previous as ItemNode[]) : result;
}

/** True when the item is open and its due date (a calendar date) is before the reader's today. */
export function isOverdue(item: Pick<Item, 'status' | 'dueDate'>, today = todayIso()): boolean {
  // The domain rule compares calendar days; the reader's local today, read as that day.
  return isOverdueOn(item, new Date(`${today}T00:00:00Z`));
}

export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "2027-01-31" shown in the reader's locale, without a time-zone shift. */
export function formatCalendarDate(value: string): string {
  const [y, m, d] = value.split('-').map(Number);
  if (!y || !m || !d) return value;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
}
