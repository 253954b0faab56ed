'use client';
import { UsersIcon } from 'lucide-react';
import { formatNumber } from '../../lib/format';
import type { RouterOutputs } from '../../lib/trpc';
import { cn } from '../../lib/utils';
import { Panel } from './panel';

type Dashboard = RouterOutputs['dashboard']['project'];

/** Open, overdue and done items per person. */
export function Workload({ workload }: { workload: Dashboard['workload'] }) {
  return (
    <Panel title="Workload" icon={<UsersIcon />} testId="workload">
      {workload.length === 0 ? (
        <p className="text-sm text-muted-foreground">No items yet.</p>
      ) : (
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-muted-foreground">
              <th scope="col" className="pb-1 font-medium">
                Person
              </th>
              <th scope="col" className="pb-1 text-right font-medium">
                Open
              </th>
              <th scope="col" className="pb-1 text-right font-medium">
                Overdue
              </th>
              <th scope="col" className="pb-1 text-right font-medium">
                Done
              </th>
            </tr>
          </thead>
          <tbody>
            {workload.map((row) => (
              <tr
                key={row.assignee?.id ?? 'nobody'}
                className="border-t"
                data-testid="workload-row"
              >
                <th scope="row" className="max-w-32 truncate py-1 text-left font-normal">
                  {row.assignee?.name ?? <span className="text-muted-foreground">Unassigned</span>}
                </th>
                <td className="py-1 text-right tabular-nums">{formatNumber(row.open)}</td>
                <td
                  className={cn(
                    'py-1 text-right tabular-nums',
                    row.overdue > 0 && 'font-medium text-destructive',
                  )}
                >
                  {formatNumber(row.overdue)}
                </td>
                <td className="py-1 text-right tabular-nums">{formatNumber(row.done)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
