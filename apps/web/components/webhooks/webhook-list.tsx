'use client';
import { useQuery } from '@tanstack/react-query';
import { WebhookIcon } from 'lucide-react';
import { useTRPC } from '../../lib/trpc';
import { EmptyState } from '../ui/empty-state';
import { QueryState } from '../ui/query-state';
import { Skeleton } from '../ui/skeleton';
import { useWorkspace } from '../workspace/workspace-context';
import { WebhookCard } from './webhook-card';

/** The workspace's webhook endpoints, each with its actions and delivery log. */
export function WebhookList() {
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const webhooks = useQuery(trpc.webhook.list.queryOptions({ workspaceId: workspace.id }));
  return (
    <QueryState
      query={webhooks}
      what="Webhooks"
      label="Loading webhooks…"
      fallback={<Skeleton className="h-32 w-full" />}
      empty={
        <EmptyState icon={<WebhookIcon />} title="No webhooks">
          Add an endpoint to hear about items, comments, KPIs, lessons and projects as they change.
        </EmptyState>
      }
    >
      {(list) => (
        <ul className="space-y-3" data-testid="webhooks">
          {list.map((webhook) => (
            <WebhookCard key={webhook.id} webhook={webhook} />
          ))}
        </ul>
      )}
    </QueryState>
  );
}
