'use client';
import { ShieldAlertIcon } from 'lucide-react';
import { EmptyState } from '../../../../../components/ui/empty-state';
import { SectionHeader } from '../../../../../components/ui/page-header';
import { CreateWebhookDialog } from '../../../../../components/webhooks/create-webhook-dialog';
import { WebhookList } from '../../../../../components/webhooks/webhook-list';
import { useWorkspace } from '../../../../../components/workspace/workspace-context';

export default function WebhooksPage() {
  const { can } = useWorkspace();
  if (!can('ADMIN')) {
    return (
      <EmptyState icon={<ShieldAlertIcon />} title="Only admins and owners manage webhooks">
        Webhooks tell other services (a chat bot, a CI system) what happens in this workspace. Ask
        an admin to add the one you need.
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="webhooks-heading" className="max-w-4xl space-y-4">
      <SectionHeader
        id="webhooks-heading"
        title="Webhooks"
        description="Signed JSON POSTs (Standard Webhooks) after each change, retried with backoff for about a day."
        actions={<CreateWebhookDialog />}
      />
      <WebhookList />
    </section>
  );
}
