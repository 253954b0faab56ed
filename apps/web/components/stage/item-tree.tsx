'use client';
import {
  CalendarIcon,
  ChevronRightIcon,
  MessageSquareIcon,
  PaperclipIcon,
  UserIcon,
} from 'lucide-react';
import { memo } from 'react';
import {
  STATUS_DOT,
  formatCalendarDate,
  isOverdue,
  type ItemNode,
  type ItemStatus,
} from '../../lib/items';
import { cn } from '../../lib/utils';
import { Badge } from '../ui/badge';
import { ItemConflictPanel } from './item-conflict-panel';
import { useStage, useStageRowState } from './stage-context';
import { StatusSelect } from './status-select';
import type { ItemConflict } from './use-item-update';

/** The status as a coloured dot (the select says it in words). */
function StatusDot({ status, className }: { status: ItemStatus; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn('size-2.5 shrink-0 rounded-full', STATUS_DOT[status], className)}
    />
  );
}

/** A level of the checklist: each row gets its own part of the row state as props. */
export const ItemTree = memo(function ItemTree({
  nodes,
  depth = 0,
}: {
  nodes: ItemNode[];
  depth?: number;
}) {
  const { selected, openId, conflicts } = useStageRowState();
  return (
    <ul
      className={cn(depth > 0 && 'ml-1 border-l pl-1.5 sm:ml-6 sm:pl-3')}
      role={depth ? 'group' : undefined}
    >
      {nodes.map((node) => (
        <ItemRow
          key={node.item.id}
          node={node}
          depth={depth}
          selected={selected.has(node.item.id)}
          open={openId === node.item.id}
          conflict={conflicts[node.item.id]}
        />
      ))}
    </ul>
  );
});

/**
 * One checklist item: select box, status dot, title (opens the item's sheet),
 * what is known about it and its status. From `sm` up the title and the
 * controls share a line; below, the title takes the row's width and the
 * controls wrap under it.
 */
const ItemRow = memo(function ItemRow({
  node,
  depth,
  selected,
  open,
  conflict,
}: {
  node: ItemNode;
  depth: number;
  selected: boolean;
  open: boolean;
  conflict: ItemConflict | undefined;
}) {
  const stage = useStage();
  const { item } = node;
  const overdue = isOverdue(item);

  return (
    <li
      id={`item-${item.id}`}
      data-testid="item"
      data-item-id={item.id}
      data-status={item.status}
      className="scroll-mt-24"
    >
      <div
        className={cn(
          'group flex items-start gap-1.5 rounded-md px-1 py-1.5 hover:bg-muted/50 sm:gap-2 sm:px-1.5',
          open && 'bg-muted/60',
        )}
      >
        <div className="flex shrink-0 items-center gap-2 pt-0.5">
          {stage.canEdit ? (
            <input
              type="checkbox"
              className="size-4 shrink-0 accent-primary"
              aria-label={`Select “${item.title}”`}
              checked={selected}
              onChange={() => stage.toggleSelected(item.id)}
            />
          ) : null}
          <StatusDot status={item.status} className="hidden sm:block" />
        </div>
        <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2 gap-y-1">
          <button
            type="button"
            className="flex w-full min-w-0 items-start gap-1 rounded-sm text-left text-sm sm:w-auto sm:flex-1"
            aria-expanded={open}
            aria-haspopup="dialog"
            aria-controls={open ? `item-details-${item.id}` : undefined}
            onClick={() => stage.setOpenId(open ? null : item.id)}
          >
            <ChevronRightIcon
              className={cn(
                'mt-0.5 size-4 shrink-0 text-muted-foreground transition-transform',
                open && 'rotate-90',
              )}
              aria-hidden="true"
            />
            <span
              className={cn(
                'min-w-0 flex-1 break-words',
                item.status === 'DONE' &&
                  'text-muted-foreground line-through decoration-muted-foreground/50',
                item.status === 'NOT_APPLICABLE' && 'text-muted-foreground',
              )}
              data-testid="item-title"
            >
              {item.title}
            </span>
            {item.isCustom ? (
              <Badge variant="outline" className="ml-1 shrink-0">
                Custom
              </Badge>
            ) : null}
          </button>
          <div className="flex flex-wrap items-center gap-1.5 pl-5 text-xs text-muted-foreground sm:ml-auto sm:pl-0">
            <StatusDot status={item.status} className="sm:hidden" />
            {item.assignee ? (
              <span className="inline-flex items-center gap-1" data-testid="item-assignee">
                <UserIcon className="size-3" aria-hidden="true" />
                {item.assignee.name}
              </span>
            ) : null}
            {item.dueDate ? (
              <span
                className={cn(
                  'inline-flex items-center gap-1',
                  overdue && 'font-medium text-destructive',
                )}
              >
                <CalendarIcon className="size-3" aria-hidden="true" />
                {overdue ? 'Overdue · ' : ''}
                {formatCalendarDate(item.dueDate)}
              </span>
            ) : null}
            {item.commentCount > 0 ? (
              <span className="inline-flex items-center gap-0.5" title="Comments">
                <MessageSquareIcon className="size-3" aria-hidden="true" />
                {item.commentCount}
                <span className="sr-only"> comments</span>
              </span>
            ) : null}
            {item.evidence.length > 0 ? (
              <span className="inline-flex items-center gap-0.5" title="Evidence">
                <PaperclipIcon className="size-3" aria-hidden="true" />
                {item.evidence.length}
                <span className="sr-only"> evidence links</span>
              </span>
            ) : null}
            <StatusSelect
              aria-label={`Status of “${item.title}”`}
              className="h-7 w-36 py-0 text-xs sm:text-xs"
              item={item}
            />
          </div>
        </div>
      </div>
      {/* While the item is open its sheet shows the conflict instead. */}
      {conflict && !open ? <ItemConflictPanel conflict={conflict} /> : null}
      {node.children.length > 0 ? <ItemTree nodes={node.children} depth={depth + 1} /> : null}
    </li>
  );
});
