'use client';
import { AlertTriangleIcon } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatNumber } from '../../lib/format';
import { formatCalendarDate } from '../../lib/items';
import type { RouterOutputs } from '../../lib/trpc';
import { Panel } from './panel';

type Dashboard = RouterOutputs['dashboard']['project'];

/** A short list of items needing attention (overdue, blocked), each linking to its stage. */
export function ItemList({
  title,
  icon,
  items,
  empty,
  base,
  testId,
}: {
  title: string;
  icon: ReactNode;
  items: Dashboard['overdueItems'];
  empty: string;
  base: string;
  testId: string;
}) {
  return (
    <Panel title={`${title} (${formatNumber(items.length)})`} icon={icon} testId={testId}>
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">{empty}</p>
      ) : (
        <ul className="divide-y">
          {items.slice(0, 8).map((item) => (
            <li key={item.id} className="flex items-start gap-2 py-1.5 text-sm">
              <AlertTriangleIcon
                className="mt-0.5 size-4 shrink-0 text-muted-foreground"
                aria-hidden="true"
              />
              <div className="min-w-0 flex-1">
                <Link
                  href={`${base}/s/${encodeURIComponent(item.stageKey)}#item-${item.id}`}
                  className="break-words hover:underline"
                >
                  {item.title}
                </Link>
                <p className="text-xs text-muted-foreground">
                  {item.assignee?.name ?? 'Unassigned'}
                  {item.dueDate ? ` · due ${formatCalendarDate(item.dueDate)}` : ''}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
