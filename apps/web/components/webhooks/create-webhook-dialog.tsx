'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import type { TWebhookEvent } from '@shipshape/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PlusIcon } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { WEBHOOK_EVENTS, ZWebhookCreateInput } from '../../lib/domain';
import { applyServerErrors } from '../../lib/form-errors';
import { notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { CheckboxGroup } from '../form/checkbox-group';
import { DialogActions, FormDialog } from '../form/form-dialog';
import { FormRootError } from '../form/submit';
import { Button } from '../ui/button';
import { DialogFooter } from '../ui/dialog';
import { FormField } from '../ui/form-field';
import { Input } from '../ui/input';
import { ShownOnce } from '../ui/shown-once';
import { useWorkspace } from '../workspace/workspace-context';
import { EVENT_CHOICES } from './webhook-choices';

function CreateWebhookForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    resolver: zodResolver(ZWebhookCreateInput),
    defaultValues: {
      workspaceId: workspace.id,
      url: '',
      events: [...WEBHOOK_EVENTS] as TWebhookEvent[],
    },
  });
  const create = useMutation(
    trpc.webhook.create.mutationOptions({
      onSuccess: async (result) => {
        onCreated(result.secret);
        notifySuccess('Webhook created');
        await queryClient.invalidateQueries(
          trpc.webhook.list.queryFilter({ workspaceId: workspace.id }),
        );
      },
      onError: (error) => applyServerErrors(form.setError, error, ['url', 'events']),
    }),
  );
  const errors = form.formState.errors;
  return (
    <form
      noValidate
      aria-label="New webhook"
      onSubmit={form.handleSubmit((values) => create.mutate(values))}
    >
      <div className="grid gap-2">
        <FormField
          label="Endpoint URL"
          hint="Each event is POSTed here as JSON, signed per the Standard Webhooks spec."
          error={errors.url?.message}
        >
          <Input
            type="url"
            autoFocus
            autoComplete="off"
            placeholder="https://example.com/hooks/shipshape"
            {...form.register('url')}
          />
        </FormField>
        <CheckboxGroup
          legend="Events"
          choices={EVENT_CHOICES}
          registration={form.register('events')}
          error={errors.events?.message ?? errors.events?.root?.message}
          listClassName="sm:grid-cols-2"
        />
      </div>
      <FormRootError message={errors.root?.server?.message} className="mb-3" />
      <DialogActions pending={create.isPending}>Create webhook</DialogActions>
    </form>
  );
}

/** "New webhook": the form, then its signing secret, shown this once. */
export function CreateWebhookDialog() {
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    // Closing forgets the secret: it is never shown again.
    if (!next) setSecret(null);
  };
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={secret ? 'Your webhook’s signing secret' : 'New webhook'}
      description={
        secret
          ? 'Give it to the receiving service so that it can check each delivery came from here.'
          : 'Tell another service (a chat bot, a CI system) when something happens in this workspace.'
      }
      className="max-w-2xl"
      trigger={
        <Button>
          <PlusIcon aria-hidden="true" />
          New webhook
        </Button>
      }
    >
      {!open ? null : secret ? (
        <>
          <ShownOnce
            title="Copy the signing secret"
            label="Signing secret"
            value={secret}
            testId="new-webhook-secret"
          >
            It signs the <code className="font-mono">webhook-signature</code> header of every
            delivery (HMAC-SHA256 of id, timestamp and body).
          </ShownOnce>
          <DialogFooter>
            <Button type="button" onClick={() => onOpenChange(false)}>
              I have copied it
            </Button>
          </DialogFooter>
        </>
      ) : (
        <CreateWebhookForm onCreated={setSecret} />
      )}
    </FormDialog>
  );
}
