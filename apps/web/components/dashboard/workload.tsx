'use client';
import { UsersIcon } from 'lucide-react';
import { formatNumber } from '../../lib/format';
import type { RouterOutputs } from '../../lib/trpc';
import { cn } from '../../lib/utils';
import { Panel } from './panel';

type Dashboard = RouterOutputs['dashboard']['project'];

/** The counted columns, after the person. */
const COUNTS = [
  { key: 'open', label: 'Open' },
  { key: 'overdue', label: 'Overdue' },
  { key: 'done', label: 'Done' },
] as const;

/** Open, overdue and done items per person. */
export function Workload({ workload }: { workload: Dashboard['workload'] }) {
  return (
    <Panel
      title="Workload"
      icon={<UsersIcon />}
      testId="workload"
      empty={workload.length === 0 ? 'No items yet.' : null}
    >
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-muted-foreground">
            {['Person', ...COUNTS.map((count) => count.label)].map((label, index) => (
              <th
                key={label}
                scope="col"
                className={cn('pb-1 font-medium', index > 0 && 'text-right')}
              >
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {workload.map((row) => (
            <tr key={row.assignee?.id ?? 'nobody'} className="border-t" data-testid="workload-row">
              <th scope="row" className="max-w-32 truncate py-1 text-left font-normal">
                {row.assignee?.name ?? <span className="text-muted-foreground">Unassigned</span>}
              </th>
              {COUNTS.map(({ key }) => (
                <td
                  key={key}
                  className={cn(
                    'py-1 text-right tabular-nums',
                    key === 'overdue' && row.overdue > 0 && 'font-medium text-destructive',
                  )}
                >
                  {formatNumber(row[key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
