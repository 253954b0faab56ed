'use client';
import { GitCompareArrowsIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { Alert, AlertTitle } from '../ui/alert';
import { Button } from '../ui/button';
import { ConflictTable, type ConflictRow } from '../ui/conflict-table';

/**
 * A save met someone else's newer version: what happened, their values beside
 * this user's, and the two ways on (apply mine again, keep theirs).
 */
export function ConflictAlert({
  title,
  children,
  rows,
  onReapply,
  onKeepTheirs,
  pending = false,
  compact = false,
  className,
  testId,
}: {
  title: string;
  /** What happened, under the title. */
  children: ReactNode;
  rows: ConflictRow[];
  onReapply: () => void;
  onKeepTheirs: () => void;
  pending?: boolean;
  /** Tighter spacing, for a conflict shown inside a list row. */
  compact?: boolean;
  className?: string;
  testId: string;
}) {
  const heading = (
    <>
      <AlertTitle>{title}</AlertTitle>
      <p>{children}</p>
    </>
  );
  return (
    <Alert variant="warning" role="alert" data-testid={testId} className={className}>
      <div className="flex gap-3">
        <GitCompareArrowsIcon className="mt-0.5 size-5 shrink-0" aria-hidden="true" />
        <div className={compact ? 'min-w-0 flex-1 space-y-2' : 'min-w-0 flex-1 space-y-3'}>
          {compact ? heading : <div>{heading}</div>}
          <ConflictTable rows={rows} />
          <div className="flex flex-wrap gap-2">
            <Button size="sm" onClick={onReapply} disabled={pending}>
              Apply my change again
            </Button>
            <Button size="sm" variant="outline" onClick={onKeepTheirs} disabled={pending}>
              Keep their version
            </Button>
          </div>
        </div>
      </div>
    </Alert>
  );
}
