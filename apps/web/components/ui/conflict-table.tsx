import type { ReactNode } from 'react';

export interface ConflictRow {
  field: string;
  label: string;
  theirs: ReactNode;
  mine: ReactNode;
}

/** Their saved version beside the change that was refused, field by field. */
export function ConflictTable({ rows }: { rows: ConflictRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="text-xs">
            <th scope="col" className="py-1 pr-3 font-medium">
              Field
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Their version (saved)
            </th>
            <th scope="col" className="py-1 font-medium">
              Your change
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} className="border-t border-warning-foreground/20 align-top">
              <th scope="row" className="py-1.5 pr-3 font-medium">
                {row.label}
              </th>
              <td className="py-1.5 pr-3 break-words" data-testid={`theirs-${row.field}`}>
                {row.theirs}
              </td>
              <td className="py-1.5 break-words" data-testid={`mine-${row.field}`}>
                {row.mine}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
