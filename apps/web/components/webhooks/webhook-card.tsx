'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ChevronDownIcon, SendIcon, Trash2Icon } from 'lucide-react';
import { useCallback, useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { cn } from '../../lib/utils';
import { RelativeTime } from '../common/relative-time';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { ConfirmButton } from '../ui/confirm-button';
import { useWorkspace } from '../workspace/workspace-context';
import { WebhookDeliveries } from './webhook-deliveries';

export type Webhook = RouterOutputs['webhook']['list'][number];

/** Whether it is on, and how its last delivery went. */
function WebhookHealth({ webhook }: { webhook: Webhook }) {
  if (!webhook.enabled) {
    return webhook.disabledAt ? (
      <Badge variant="destructive" title={formatDateTime(webhook.disabledAt)}>
        Turned off after failing for days
      </Badge>
    ) : (
      <Badge variant="outline">Disabled</Badge>
    );
  }
  if (webhook.failingSince) {
    return (
      <Badge variant="warning" title={webhook.lastError ?? undefined}>
        Failing since {formatDateTime(webhook.failingSince)}
      </Badge>
    );
  }
  return <Badge variant="secondary">Enabled</Badge>;
}

function LastDelivery({ webhook }: { webhook: Webhook }) {
  if (!webhook.lastDeliveryAt) return <>No deliveries yet</>;
  return (
    <>
      Last delivery: {webhook.lastStatusCode ?? webhook.lastError ?? 'failed'} ·{' '}
      <RelativeTime at={webhook.lastDeliveryAt} />
    </>
  );
}

/** One endpoint: its address, events and health; test, turn on or off, delete, see its log. */
export function WebhookCard({ webhook }: { webhook: Webhook }) {
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [logOpen, setLogOpen] = useState(false);
  /** The test event just queued, until its delivery shows in the log. */
  const [awaiting, setAwaiting] = useState<string | null>(null);
  const listKey = trpc.webhook.list.queryKey({ workspaceId: workspace.id });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: listKey }),
      queryClient.invalidateQueries({
        queryKey: trpc.webhook.deliveries.infiniteQueryKey({ id: webhook.id }),
      }),
    ]);

  const update = useMutation(
    trpc.webhook.update.mutationOptions({
      onSuccess: (_saved, input) =>
        notifySuccess(input.enabled ? 'Webhook turned on' : 'Webhook turned off'),
      onError: (error) => notifyFailure('Changing the webhook', error),
      onSettled: () => queryClient.invalidateQueries({ queryKey: listKey }),
    }),
  );
  const test = useMutation(
    trpc.webhook.test.mutationOptions({
      onSuccess: ({ messageId }) => {
        setAwaiting(messageId);
        setLogOpen(true);
        notifySuccess('Test event queued', 'Its delivery shows in the log in a moment.');
      },
      onError: (error) => notifyFailure('Sending the test event', error),
      onSettled: refresh,
    }),
  );
  const remove = useMutation(
    trpc.webhook.delete.mutationOptions({
      onSuccess: () => notifySuccess('Webhook deleted'),
      onError: (error) => notifyFailure('Deleting the webhook', error),
      onSettled: () => queryClient.invalidateQueries({ queryKey: listKey }),
    }),
  );
  // Its outcome is now the endpoint's last delivery, in the card's header too.
  const onArrived = useCallback(() => {
    setAwaiting(null);
    void queryClient.invalidateQueries(
      trpc.webhook.list.queryFilter({ workspaceId: workspace.id }),
    );
  }, [queryClient, trpc, workspace.id]);
  const logId = `webhook-log-${webhook.id}`;

  return (
    <li className="rounded-xl border bg-card" data-testid="webhook" aria-label={webhook.url}>
      <div className="flex flex-wrap items-start gap-x-4 gap-y-2 p-4">
        <div className="min-w-0 flex-1 space-y-1">
          <p className="font-mono text-sm break-all">{webhook.url}</p>
          <p className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
            <WebhookHealth webhook={webhook} />
            <span>
              <LastDelivery webhook={webhook} />
            </span>
          </p>
          <p className="text-xs text-muted-foreground">
            {webhook.events.length} {webhook.events.length === 1 ? 'event' : 'events'}:{' '}
            {webhook.events.join(', ')}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            variant="outline"
            pending={test.isPending}
            disabled={test.isPending || !webhook.enabled}
            title={webhook.enabled ? undefined : 'Turn it on to send a test event'}
            onClick={() => test.mutate({ id: webhook.id })}
          >
            {test.isPending ? null : <SendIcon aria-hidden="true" />}
            Send test event
          </Button>
          <Button
            size="sm"
            variant="outline"
            disabled={update.isPending}
            onClick={() => update.mutate({ id: webhook.id, enabled: !webhook.enabled })}
          >
            {webhook.enabled ? 'Disable' : 'Enable'}
          </Button>
          <ConfirmButton
            size="sm"
            variant="outline"
            aria-label={`Delete the webhook to ${webhook.url}`}
            disabled={remove.isPending}
            confirm={{
              title: 'Delete this webhook?',
              description: `Nothing more is sent to ${webhook.url}, and its delivery log is deleted.`,
              label: 'Delete',
              destructive: true,
            }}
            onConfirm={() => remove.mutate({ id: webhook.id })}
          >
            <Trash2Icon aria-hidden="true" />
            Delete
          </ConfirmButton>
        </div>
      </div>
      <div className="border-t px-4 py-2">
        <Button
          size="sm"
          variant="ghost"
          aria-expanded={logOpen}
          aria-controls={logId}
          onClick={() => setLogOpen(!logOpen)}
        >
          <ChevronDownIcon
            aria-hidden="true"
            className={cn('transition-transform', logOpen ? 'rotate-180' : '')}
          />
          Delivery log
        </Button>
        {logOpen ? (
          <div id={logId} className="pb-2 pt-1">
            <WebhookDeliveries webhookId={webhook.id} awaiting={awaiting} onArrived={onArrived} />
          </div>
        ) : null}
      </div>
    </li>
  );
}
