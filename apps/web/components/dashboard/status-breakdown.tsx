'use client';
import { formatNumber, formatPercent } from '../../lib/format';
import { ITEM_STATUSES, STATUS_DOT, STATUS_LABEL, type ItemStatus } from '../../lib/items';
import type { RouterOutputs } from '../../lib/trpc';
import { cn } from '../../lib/utils';
import { Panel } from './panel';

type Dashboard = RouterOutputs['dashboard']['project'];

/** How much of the project is done, and how its items split by status. */
export function StatusBreakdown({ totals }: { totals: Dashboard['totals'] }) {
  const counts = totals.counts as Partial<Record<ItemStatus, number>>;
  const total = Math.max(1, totals.total);
  return (
    <Panel title="Status" testId="status-breakdown">
      <p className="mb-2 text-2xl font-semibold tabular-nums" data-testid="project-percent">
        {formatPercent(totals.percentDone)}
        <span className="ml-1 text-sm font-normal text-muted-foreground">
          done ({formatNumber(totals.done)} of {formatNumber(totals.applicable)} applicable)
        </span>
      </p>
      <div className="flex h-3 w-full overflow-hidden rounded-full bg-muted" aria-hidden="true">
        {ITEM_STATUSES.map((status) => {
          const n = counts[status] ?? 0;
          return n > 0 ? (
            <div
              key={status}
              className={STATUS_DOT[status]}
              style={{ width: `${(n / total) * 100}%` }}
            />
          ) : null;
        })}
      </div>
      <ul className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm">
        {ITEM_STATUSES.map((status) => (
          <li key={status} className="flex items-center gap-2" data-testid={`count-${status}`}>
            <span aria-hidden="true" className={cn('size-2.5 rounded-full', STATUS_DOT[status])} />
            <span className="text-muted-foreground">{STATUS_LABEL[status]}</span>
            <span className="ml-auto tabular-nums">{formatNumber(counts[status] ?? 0)}</span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
