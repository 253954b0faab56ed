'use client';
import { RotateCwIcon } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import { errorInfo } from '../../lib/errors';
import { cn } from '../../lib/utils';
import { Alert, AlertTitle } from './alert';
import { Button } from './button';
import { Skeleton } from './skeleton';
import { Spinner } from './spinner';

/** After this long, a loading region says that the server is slow. */
export const SLOW_AFTER_MS = 5_000;

/** True once `active` has stayed true for `afterMs`; false again as soon as it is not. */
export function useSlow(active: boolean, afterMs = SLOW_AFTER_MS): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!active) {
      setSlow(false);
      return;
    }
    const timer = setTimeout(() => setSlow(true), afterMs);
    return () => clearTimeout(timer);
  }, [active, afterMs]);
  return active && slow;
}

/**
 * A loading region: its placeholder (a skeleton by default), announced to
 * screen readers by `label`; after a few seconds it adds "Still loading… the
 * server is slow", so a long wait never looks like a stuck page.
 */
export function LoadingState({
  label,
  children,
  className,
  slowClassName,
  slowAfterMs = SLOW_AFTER_MS,
}: {
  /** "Loading activity…": read out, and shown beside the slow note. */
  label: string;
  /** The placeholder; a block-sized skeleton when omitted. */
  children?: ReactNode;
  className?: string;
  /** Where the slow note sits, when the placeholder is a whole page. */
  slowClassName?: string;
  slowAfterMs?: number;
}) {
  const slow = useSlow(true, slowAfterMs);
  return (
    <div
      role="status"
      aria-live="polite"
      aria-busy="true"
      className={cn('space-y-2', className)}
      data-testid="loading-state"
    >
      <span className="sr-only">{label}</span>
      {children ?? <Skeleton className="h-32 w-full" />}
      {slow ? <SlowNote className={slowClassName} /> : null}
    </div>
  );
}

/** The line a slow load adds; also for inline spinners (see `InlineLoading`). */
export function SlowNote({ className }: { className?: string }) {
  return (
    <p
      className={cn('flex items-center gap-2 text-sm text-muted-foreground', className)}
      data-testid="slow-note"
    >
      <Spinner className="size-3.5" />
      Still loading… the server is slow.
    </p>
  );
}

/** A one-line loading message ("Loading templates…") that turns into the slow note. */
export function InlineLoading({ label, className }: { label: string; className?: string }) {
  const slow = useSlow(true);
  return (
    <p
      role="status"
      aria-live="polite"
      className={cn('flex items-center gap-2 text-sm text-muted-foreground', className)}
    >
      <Spinner className="size-3.5" />
      {slow ? `${label.replace(/…$/, '')}: still loading… the server is slow.` : label}
    </p>
  );
}

/** A failed load: what could not be loaded, why, and a Retry button. */
export function ErrorState({
  what,
  error,
  onRetry,
  retrying = false,
  className,
}: {
  /** "Activity" → "Activity could not be loaded". */
  what: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  className?: string;
}) {
  const info = errorInfo(error);
  return (
    <Alert
      variant="destructive"
      role="alert"
      className={cn('flex flex-wrap items-start gap-x-4 gap-y-2', className)}
      data-testid="query-error"
    >
      <div className="min-w-0 flex-1">
        <AlertTitle>{what} could not be loaded</AlertTitle>
        <p>{info.message}</p>
        {info.requestId ? (
          <p className="mt-1 text-xs opacity-80">Reference: {info.requestId}</p>
        ) : null}
      </div>
      {onRetry ? (
        <Button
          size="sm"
          variant="outline"
          pending={retrying}
          disabled={retrying}
          onClick={onRetry}
        >
          {retrying ? null : <RotateCwIcon aria-hidden="true" />}
          Retry
        </Button>
      ) : null}
    </Alert>
  );
}

/**
 * ErrorState for a query that failed where QueryState does not fit (a layout
 * that shows other things meanwhile): Retry refetches the query.
 */
export function QueryError({
  what,
  query,
  className,
}: {
  what: string;
  query: Pick<QueryLike<unknown>, 'error' | 'isFetching' | 'refetch'>;
  className?: string;
}) {
  return (
    <ErrorState
      what={what}
      error={query.error}
      className={className}
      retrying={query.isFetching}
      onRetry={() => void query.refetch()}
    />
  );
}

/** What QueryState reads from a TanStack query result (useQuery, useInfiniteQuery). */
export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isFetching: boolean;
  refetch: () => unknown;
}

/**
 * One pattern for a region fed by a query: the placeholder while it loads
 * (with the slow note after a few seconds), the error with Retry when it
 * fails, and `children(data)` once there is data. Data already shown stays
 * shown when a background refetch fails.
 *
 *   <QueryState query={members} what="Members" label="Loading members…"
 *     fallback={<Skeleton className="h-40" />}>
 *     {(data) => <MemberTable members={data} />}
 *   </QueryState>
 *
 * Pass `queries` too when the region also needs other queries: it waits for
 * those that are fetching, and Retry refetches the ones that failed. Pass
 * `empty` to show it instead of `children` when the data is an empty list.
 */
export function QueryState<T>({
  query,
  queries = [],
  what,
  label,
  fallback,
  empty,
  className,
  children,
}: {
  query: QueryLike<T>;
  queries?: ReadonlyArray<QueryLike<unknown>>;
  what: string;
  label: string;
  fallback?: ReactNode;
  /** Shown instead of `children` when the data is an empty array (an EmptyState). */
  empty?: ReactNode;
  className?: string;
  children: (data: T) => ReactNode;
}) {
  const all = [query, ...queries];
  const failed = all.filter((q) => q.error && q.data === undefined);
  if (failed.length > 0) {
    return (
      <ErrorState
        what={what}
        error={failed[0]!.error}
        className={className}
        retrying={failed.some((q) => q.isFetching)}
        onRetry={() => failed.forEach((q) => void q.refetch())}
      />
    );
  }
  // A disabled extra query (pending, not fetching) does not hold the region back.
  if (query.data === undefined || queries.some((q) => q.isPending && q.isFetching)) {
    return (
      <LoadingState label={label} className={className}>
        {fallback}
      </LoadingState>
    );
  }
  if (empty !== undefined && Array.isArray(query.data) && query.data.length === 0) {
    return <>{empty}</>;
  }
  return <>{children(query.data)}</>;
}
