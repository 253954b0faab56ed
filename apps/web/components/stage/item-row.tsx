'use client';
import { ConflictTable } from '../ui/conflict-table';
import {
  CalendarIcon,
  ChevronRightIcon,
  GitCompareArrowsIcon,
  MessageSquareIcon,
  PaperclipIcon,
  UserIcon,
} from 'lucide-react';
import { createContext, useContext, useEffect, useState } from 'react';
import {
  ITEM_STATUSES,
  OPEN_STATUSES,
  STATUS_DOT,
  STATUS_LABEL,
  formatCalendarDate,
  isOverdue,
  type Item,
  type ItemNode,
  type ItemStatus,
} from '../../lib/items';
import { cn } from '../../lib/utils';
import { Alert, AlertTitle } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import {
  ConfirmDialog,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '../ui/dialog';
import { DateInput } from '../ui/date-input';
import { NativeSelect, Textarea } from '../ui/input';
import { Label } from '../ui/label';
import { CommentsThread, EvidenceSection, ExternalLink } from './item-extras';
import type { ItemChanges, ItemConflict } from './use-item-update';

export interface Member {
  userId: string;
  name: string;
}

export interface StageContextValue {
  canEdit: boolean;
  members: readonly Member[];
  save: (itemId: string, changes: ItemChanges, onDone?: (ok: boolean) => void) => void;
  conflicts: Record<string, ItemConflict>;
  dismissConflict: (itemId: string) => void;
  replaceItem: (item: Item) => void;
  selected: ReadonlySet<string>;
  toggleSelected: (itemId: string) => void;
  openId: string | null;
  setOpenId: (itemId: string | null) => void;
  onLogLesson: (item: Item) => void;
}

export const StageContext = createContext<StageContextValue | null>(null);
function useStage(): StageContextValue {
  const value = useContext(StageContext);
  if (!value) throw new Error('useStage: outside the stage view');
  return value;
}

function hasOpenDescendant(node: ItemNode): boolean {
  return node.children.some((c) => OPEN_STATUSES.has(c.item.status) || hasOpenDescendant(c));
}

export function ItemTree({ nodes, depth = 0 }: { nodes: ItemNode[]; depth?: number }) {
  return (
    <ul
      className={cn(depth > 0 && 'ml-4 border-l pl-2 sm:ml-6 sm:pl-3')}
      role={depth ? 'group' : undefined}
    >
      {nodes.map((node) => (
        <ItemRow key={node.item.id} node={node} depth={depth} />
      ))}
    </ul>
  );
}

function ItemRow({ node, depth }: { node: ItemNode; depth: number }) {
  const stage = useStage();
  const { item } = node;
  const open = stage.openId === item.id;
  const [askReason, setAskReason] = useState(false);
  const [confirmDone, setConfirmDone] = useState(false);
  const overdue = isOverdue(item);
  const conflict = stage.conflicts[item.id];

  const changeStatus = (status: ItemStatus) => {
    if (status === item.status) return;
    if (status === 'NOT_APPLICABLE') {
      setAskReason(true);
      return;
    }
    if (status === 'DONE' && hasOpenDescendant(node)) {
      setConfirmDone(true);
      return;
    }
    stage.save(item.id, { status });
  };

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
          'group flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md px-1.5 py-1.5 hover:bg-muted/50',
          open && 'bg-muted/60',
        )}
      >
        {stage.canEdit ? (
          <input
            type="checkbox"
            className="size-4 shrink-0 accent-primary"
            aria-label={`Select “${item.title}”`}
            checked={stage.selected.has(item.id)}
            onChange={() => stage.toggleSelected(item.id)}
          />
        ) : null}
        <span
          aria-hidden="true"
          className={cn('size-2.5 shrink-0 rounded-full', STATUS_DOT[item.status])}
        />
        <button
          type="button"
          className="flex min-w-0 flex-1 items-start gap-1 rounded-sm text-left text-sm"
          aria-expanded={open}
          aria-controls={`item-details-${item.id}`}
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
              'min-w-0 break-words',
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
        <div className="ml-auto flex flex-wrap items-center gap-1.5 pl-6 text-xs text-muted-foreground">
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
          <NativeSelect
            aria-label={`Status of “${item.title}”`}
            className="h-7 w-36 py-0 text-xs sm:text-xs"
            value={item.status}
            disabled={!stage.canEdit}
            onChange={(event) => changeStatus(event.target.value as ItemStatus)}
          >
            {ITEM_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABEL[status]}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      {conflict ? <ItemConflictPanel conflict={conflict} /> : null}
      {open ? <ItemDetails item={item} /> : null}
      {node.children.length > 0 ? <ItemTree nodes={node.children} depth={depth + 1} /> : null}
      <NotApplicableDialog
        open={askReason}
        onOpenChange={setAskReason}
        title={item.title}
        onConfirm={(reason) =>
          stage.save(item.id, { status: 'NOT_APPLICABLE', notApplicableReason: reason })
        }
      />
      <ConfirmDialog
        open={confirmDone}
        onOpenChange={setConfirmDone}
        title="Mark done with open sub-items?"
        description={`“${item.title}” still has open sub-items. Mark it done anyway? The sub-items stay as they are.`}
        confirmLabel="Mark done anyway"
        onConfirm={() => stage.save(item.id, { status: 'DONE', allowOpenChildren: true })}
      />
    </li>
  );
}

export function NotApplicableDialog({
  open,
  onOpenChange,
  title,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (open) setReason('');
  }, [open]);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Not applicable</DialogTitle>
          <DialogDescription>Why does “{title}” not apply to this project?</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (!reason.trim()) return;
            onConfirm(reason.trim());
            onOpenChange(false);
          }}
        >
          <div className="grid gap-1.5">
            <Label htmlFor="na-reason">Reason</Label>
            <Textarea
              id="na-reason"
              value={reason}
              required
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={!reason.trim()}>
              Mark not applicable
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function describe(field: keyof ItemChanges, item: Item | ItemChanges, members: readonly Member[]) {
  const value = (item as Record<string, unknown>)[field];
  if (field === 'status') return STATUS_LABEL[value as ItemStatus] ?? String(value);
  if (field === 'assigneeId') {
    if ('assignee' in item) return item.assignee?.name ?? 'Nobody';
    return value ? (members.find((m) => m.userId === value)?.name ?? 'Someone') : 'Nobody';
  }
  if (value === null || value === undefined || value === '') return '(empty)';
  return String(value);
}

const CONFLICT_LABEL: Partial<Record<keyof ItemChanges, string>> = {
  status: 'Status',
  assigneeId: 'Assignee',
  dueDate: 'Due date',
  notes: 'Notes',
  notApplicableReason: 'Not-applicable reason',
};

function ItemConflictPanel({ conflict }: { conflict: ItemConflict }) {
  const stage = useStage();
  const fields = (Object.keys(CONFLICT_LABEL) as Array<keyof ItemChanges>).filter(
    (field) => conflict.mine[field] !== undefined,
  );
  return (
    <Alert variant="warning" role="alert" data-testid="item-conflict" className="my-1">
      <div className="flex gap-3">
        <GitCompareArrowsIcon className="mt-0.5 size-5 shrink-0" aria-hidden="true" />
        <div className="min-w-0 flex-1 space-y-2">
          <AlertTitle>Someone else changed this item first</AlertTitle>
          <p>Your change was not saved. Their version is shown now.</p>
          <ConflictTable
            rows={fields.map((field) => ({
              field,
              label: CONFLICT_LABEL[field] ?? field,
              theirs: describe(field, conflict.theirs, stage.members),
              mine: describe(field, conflict.mine, stage.members),
            }))}
          />
          <div className="flex flex-wrap gap-2">
            <Button size="sm" onClick={() => stage.save(conflict.itemId, conflict.mine)}>
              Apply my change again
            </Button>
            <Button
              size="sm"
              variant="outline"
              onClick={() => stage.dismissConflict(conflict.itemId)}
            >
              Keep their version
            </Button>
          </div>
        </div>
      </div>
    </Alert>
  );
}

function ItemDetails({ item }: { item: Item }) {
  const stage = useStage();
  const [notes, setNotes] = useState(item.notes ?? '');
  useEffect(() => setNotes(item.notes ?? ''), [item.notes]);
  const notesChanged = notes !== (item.notes ?? '');
  return (
    <div
      id={`item-details-${item.id}`}
      className="mb-2 ml-2 space-y-4 rounded-lg border bg-card p-3 sm:ml-8 sm:p-4"
      data-testid="item-details"
    >
      {item.body ? (
        <p className="text-sm whitespace-pre-wrap break-words text-muted-foreground">{item.body}</p>
      ) : null}
      {item.status === 'NOT_APPLICABLE' && item.notApplicableReason ? (
        <p className="text-sm">
          <span className="font-medium">Not applicable: </span>
          {item.notApplicableReason}
        </p>
      ) : null}
      {item.links.length > 0 || item.toolOptions.length > 0 ? (
        <div className="grid gap-3 sm:grid-cols-2">
          {item.links.length > 0 ? (
            <div>
              <h4 className="mb-1 text-sm font-medium">References</h4>
              <ul className="space-y-0.5 text-sm">
                {item.links.map((link) => (
                  <li key={link.url}>
                    <ExternalLink url={link.url}>{link.label || link.url}</ExternalLink>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {item.toolOptions.length > 0 ? (
            <div>
              <h4 className="mb-1 text-sm font-medium">Tool options</h4>
              <ul className="flex flex-wrap gap-1">
                {item.toolOptions.map((tool) => (
                  <li key={tool}>
                    <Badge variant="outline">{tool}</Badge>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}

      <div className="grid gap-3 sm:grid-cols-2">
        <div className="grid gap-1.5">
          <Label htmlFor={`assignee-${item.id}`}>Assignee</Label>
          <NativeSelect
            id={`assignee-${item.id}`}
            value={item.assignee?.id ?? ''}
            disabled={!stage.canEdit}
            onChange={(event) => stage.save(item.id, { assigneeId: event.target.value || null })}
          >
            <option value="">Nobody</option>
            {stage.members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name}
              </option>
            ))}
            {item.assignee && !stage.members.some((m) => m.userId === item.assignee?.id) ? (
              <option value={item.assignee.id}>{item.assignee.name}</option>
            ) : null}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`due-${item.id}`}>Due date</Label>
          <DateInput
            id={`due-${item.id}`}
            value={item.dueDate}
            disabled={!stage.canEdit}
            onCommit={(dueDate) => stage.save(item.id, { dueDate })}
          />
        </div>
      </div>

      <div className="grid gap-1.5">
        <Label htmlFor={`notes-${item.id}`}>Notes</Label>
        <Textarea
          id={`notes-${item.id}`}
          value={notes}
          disabled={!stage.canEdit}
          onChange={(event) => setNotes(event.target.value)}
          placeholder="Decisions, caveats, links…"
        />
        {stage.canEdit && notesChanged ? (
          <div className="flex gap-2">
            <Button size="sm" onClick={() => stage.save(item.id, { notes: notes || null })}>
              Save notes
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setNotes(item.notes ?? '')}>
              Discard
            </Button>
          </div>
        ) : null}
      </div>

      <EvidenceSection item={item} canEdit={stage.canEdit} onChanged={stage.replaceItem} />
      <CommentsThread itemId={item.id} canEdit={stage.canEdit} />
      {stage.canEdit ? (
        <Button size="sm" variant="outline" onClick={() => stage.onLogLesson(item)}>
          Log a lesson about this item
        </Button>
      ) : null}
      {item.completedAt && item.status === 'DONE' ? (
        <p className="text-xs text-muted-foreground">
          Done by {item.completedBy?.name ?? 'someone'}
        </p>
      ) : null}
    </div>
  );
}
