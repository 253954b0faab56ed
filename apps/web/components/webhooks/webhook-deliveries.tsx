'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { RotateCwIcon } from 'lucide-react';
import { useEffect } from 'react';
import { formatNumber } from '../../lib/format';
import { useTRPC, useTRPCClient, type RouterOutputs } from '../../lib/trpc';
import { LoadMore } from '../common/load-more';
import { RelativeTime } from '../common/relative-time';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { QueryState } from '../ui/query-state';
import { Skeleton } from '../ui/skeleton';
import { ListTable, TableCell, TableRow } from '../ui/table';

type Delivery = RouterOutputs['webhook']['deliveries']['items'][number];

const PAGE_SIZE = 20;
/** Deliveries run in the background: an open log looks for new ones this often, */
const REFRESH_MS = 5_000;
/** and more often while a test event it was told of has not arrived. */
const AWAITING_REFRESH_MS = 1_000;

const DELIVERY_COLUMNS = [
  { label: 'Time' },
  { label: 'Event' },
  { label: 'Attempt', className: 'text-right' },
  { label: 'Status' },
  { label: 'Duration', className: 'text-right' },
  { label: 'Response', className: 'hidden md:table-cell' },
];

function DeliveryStatus({ delivery }: { delivery: Delivery }) {
  const ok =
    delivery.statusCode !== null && delivery.statusCode >= 200 && delivery.statusCode < 300;
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge variant={ok ? 'secondary' : 'destructive'}>{delivery.statusCode ?? 'No answer'}</Badge>
      {delivery.error ? (
        <span className="text-xs text-muted-foreground">{delivery.error}</span>
      ) : null}
    </span>
  );
}

/**
 * One webhook's delivery attempts, newest first, page by page; kept fresh
 * while open. `awaiting` is a message just queued (a test event): the log looks
 * for it every second and calls `onArrived` once its first attempt shows.
 */
export function WebhookDeliveries({
  webhookId,
  awaiting = null,
  onArrived,
}: {
  webhookId: string;
  awaiting?: string | null;
  onArrived?: () => void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const input = { id: webhookId, limit: PAGE_SIZE };
  // Paged by hand (tRPC's infinite queries add `direction`, which strict inputs refuse).
  const log = useInfiniteQuery({
    queryKey: trpc.webhook.deliveries.infiniteQueryKey(input),
    queryFn: ({ pageParam }) =>
      client.webhook.deliveries.query({ ...input, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: awaiting ? AWAITING_REFRESH_MS : REFRESH_MS,
  });
  const arrived =
    awaiting !== null &&
    (log.data?.pages[0]?.items.some((delivery) => delivery.messageId === awaiting) ?? false);
  useEffect(() => {
    if (arrived) onArrived?.();
  }, [arrived, onArrived]);
  return (
    <section aria-label="Delivery log" className="space-y-2">
      <QueryState
        query={log}
        what="The delivery log"
        label="Loading deliveries…"
        fallback={<Skeleton className="h-20 w-full" />}
      >
        {(data) => {
          const deliveries = data.pages.flatMap((page) => page.items);
          if (deliveries.length === 0) {
            return (
              <p className="text-sm text-muted-foreground">
                No deliveries yet. Send a test event to try the endpoint.
              </p>
            );
          }
          return (
            <ListTable
              caption="Delivery attempts, newest first"
              columns={DELIVERY_COLUMNS}
              data-testid="webhook-deliveries"
            >
              {deliveries.map((delivery) => (
                <TableRow key={delivery.id}>
                  <TableCell className="whitespace-nowrap">
                    <RelativeTime at={delivery.createdAt} />
                  </TableCell>
                  <TableCell>
                    <code className="font-mono text-xs">{delivery.eventType}</code>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {formatNumber(delivery.attempt)}
                  </TableCell>
                  <TableCell>
                    <DeliveryStatus delivery={delivery} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums whitespace-nowrap">
                    {formatNumber(delivery.durationMs)} ms
                  </TableCell>
                  <TableCell className="hidden max-w-64 md:table-cell">
                    <span
                      className="block truncate font-mono text-xs text-muted-foreground"
                      title={delivery.responseExcerpt ?? undefined}
                    >
                      {delivery.responseExcerpt ?? '—'}
                    </span>
                  </TableCell>
                </TableRow>
              ))}
            </ListTable>
          );
        }}
      </QueryState>
      <div className="flex flex-wrap justify-center gap-2">
        <LoadMore query={log}>Load more</LoadMore>
        <Button
          size="sm"
          variant="ghost"
          pending={log.isFetching && !log.isFetchingNextPage}
          onClick={() => void log.refetch()}
        >
          {log.isFetching ? null : <RotateCwIcon aria-hidden="true" />}
          Refresh
        </Button>
      </div>
    </section>
  );
}
