'use client';
import { AlertTriangleIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { formatNumber } from '../../lib/format';
import { formatCalendarDate } from '../../lib/items';
import type { RouterOutputs } from '../../lib/trpc';
import { LinkRow, Panel } from './panel';

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
    <Panel
      title={`${title} (${formatNumber(items.length)})`}
      icon={icon}
      testId={testId}
      empty={items.length === 0 ? empty : null}
    >
      <ul className="divide-y">
        {items.slice(0, 8).map((item) => (
          <LinkRow
            key={item.id}
            icon={AlertTriangleIcon}
            href={`${base}/s/${encodeURIComponent(item.stageKey)}#item-${item.id}`}
            title={item.title}
            meta={`${item.assignee?.name ?? 'Unassigned'}${item.dueDate ? ` · due ${formatCalendarDate(item.dueDate)}` : ''}`}
            className="flex items-start gap-2 py-1.5 text-sm"
            linkClassName="break-words hover:underline"
          />
        ))}
      </ul>
    </Panel>
  );
}
