'use client';
import { useQuery } from '@tanstack/react-query';
import { CalendarIcon, ListChecksIcon } from 'lucide-react';
import Link from 'next/link';
import { formatNumber } from '../../lib/format';
import { STATUS_DOT, STATUS_LABEL, formatCalendarDate } from '../../lib/items';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { cn } from '../../lib/utils';
import { Badge } from '../ui/badge';
import { EmptyState } from '../ui/empty-state';
import { QueryState } from '../ui/query-state';
import { Skeleton } from '../ui/skeleton';
import { useWorkspace } from '../workspace/workspace-context';

/** The caller's open items across the workspace, overdue first. */
export function MyWork() {
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const mine = useQuery(trpc.item.mine.queryOptions({ workspaceId: workspace.id, limit: 200 }));
  return (
    <QueryState
      query={mine}
      what="Your items"
      label="Loading your items…"
      fallback={<Skeleton className="h-64 w-full" />}
    >
      {(data) => <MyItems items={data.items} slug={workspace.slug} />}
    </QueryState>
  );
}

type MyItem = RouterOutputs['item']['mine']['items'][number];

/** The list itself, once loaded. */
function MyItems({ items, slug }: { items: readonly MyItem[]; slug: string }) {
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <section className="space-y-4" aria-labelledby="my-work-heading">
      <div>
        <h1 id="my-work-heading" className="text-2xl font-semibold tracking-tight">
          My work
        </h1>
        <p className="text-sm text-muted-foreground">
          {formatNumber(items.length)} open {items.length === 1 ? 'item' : 'items'} assigned to you
          {overdue ? `, ${formatNumber(overdue)} overdue` : ''}.
        </p>
      </div>
      {items.length === 0 ? (
        <EmptyState icon={<ListChecksIcon />} title="Nothing assigned to you">
          Items others assign to you in any project show up here.
        </EmptyState>
      ) : (
        <ul className="divide-y rounded-xl border bg-card" data-testid="my-work">
          {items.map((item) => (
            <li
              key={item.id}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5"
              data-testid="my-item"
            >
              <span
                aria-hidden="true"
                className={cn('size-2.5 shrink-0 rounded-full', STATUS_DOT[item.status])}
              />
              <div className="min-w-0 flex-1">
                <Link
                  href={`/w/${slug}/p/${item.project.id}/s/${encodeURIComponent(item.stageKey)}#item-${item.id}`}
                  className="text-sm font-medium break-words hover:underline"
                >
                  {item.title}
                </Link>
                <p className="text-xs text-muted-foreground">
                  {item.project.name} · {STATUS_LABEL[item.status]}
                </p>
              </div>
              {item.dueDate ? (
                <span
                  className={cn(
                    'inline-flex items-center gap-1 text-xs',
                    item.overdue ? 'font-medium text-destructive' : 'text-muted-foreground',
                  )}
                >
                  <CalendarIcon className="size-3" aria-hidden="true" />
                  {formatCalendarDate(item.dueDate)}
                </span>
              ) : null}
              {item.overdue ? <Badge variant="destructive">Overdue</Badge> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
