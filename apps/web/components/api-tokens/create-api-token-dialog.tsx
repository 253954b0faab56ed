'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import type { TApiTokenScope } from '@shipshape/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { KeyRoundIcon } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ZApiTokenCreateInput } from '../../lib/domain';
import { applyServerErrors } from '../../lib/form-errors';
import { notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { CheckboxGroup } from '../form/checkbox-group';
import { DialogActions, FormDialog } from '../form/form-dialog';
import { Options } from '../form/select-field';
import { FormRootError } from '../form/submit';
import { Button } from '../ui/button';
import { DialogFooter } from '../ui/dialog';
import { FormField } from '../ui/form-field';
import { Input, NativeSelect } from '../ui/input';
import { ShownOnce } from '../ui/shown-once';
import { useWorkspace } from '../workspace/workspace-context';
import { EXPIRY_CHOICES, expiryDays, SCOPE_CHOICES } from './api-token-choices';

interface Created {
  name: string;
  token: string;
}

function CreateApiTokenForm({ onCreated }: { onCreated: (created: Created) => void }) {
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    resolver: zodResolver(ZApiTokenCreateInput),
    defaultValues: {
      workspaceId: workspace.id,
      name: '',
      scopes: ['read'] as TApiTokenScope[],
      expiresInDays: 90 as number | undefined,
    },
  });
  const create = useMutation(
    trpc.apiToken.create.mutationOptions({
      onSuccess: async (result, input) => {
        onCreated({ name: input.name, token: result.token });
        notifySuccess(`API token “${input.name}” created`);
        await queryClient.invalidateQueries(
          trpc.apiToken.list.queryFilter({ workspaceId: workspace.id }),
        );
      },
      onError: (error) =>
        applyServerErrors(form.setError, error, ['name', 'scopes', 'expiresInDays']),
    }),
  );
  const errors = form.formState.errors;
  return (
    <form
      noValidate
      aria-label="New API token"
      onSubmit={form.handleSubmit((values) => create.mutate(values))}
    >
      <div className="grid gap-2">
        <FormField
          label="Name"
          hint="What uses it, so you know which to revoke: “training pipeline”, “CI”."
          error={errors.name?.message}
        >
          <Input autoFocus autoComplete="off" {...form.register('name')} />
        </FormField>
        <CheckboxGroup
          legend="Scopes"
          hint="A token never does more than your own role in this workspace allows."
          choices={SCOPE_CHOICES}
          registration={form.register('scopes')}
          error={errors.scopes?.message ?? errors.scopes?.root?.message}
        />
        <FormField label="Expires" error={errors.expiresInDays?.message}>
          <NativeSelect {...form.register('expiresInDays', { setValueAs: expiryDays })}>
            <Options choices={EXPIRY_CHOICES} />
          </NativeSelect>
        </FormField>
      </div>
      <FormRootError message={errors.root?.server?.message} className="mb-3" />
      <DialogActions pending={create.isPending}>Create token</DialogActions>
    </form>
  );
}

/** "New token": the form, then the token itself, shown this once. */
export function CreateApiTokenDialog() {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    // Closing forgets the token: it is never shown again.
    if (!next) setCreated(null);
  };
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={created ? `Your token “${created.name}”` : 'New API token'}
      description={
        created
          ? 'Put it in your script’s secrets, then close this dialog.'
          : 'For scripts, CI jobs and training pipelines: it acts as you, in this workspace only.'
      }
      trigger={
        <Button>
          <KeyRoundIcon aria-hidden="true" />
          New token
        </Button>
      }
    >
      {!open ? null : created ? (
        <>
          <ShownOnce
            title="Copy your API token"
            label="API token"
            value={created.token}
            testId="new-api-token"
          >
            Scripts send it as <code className="font-mono">Authorization: Bearer shp_…</code> on
            each request. Only a hash of it is kept: if it is lost, revoke it and make another.
          </ShownOnce>
          <DialogFooter>
            <Button type="button" onClick={() => onOpenChange(false)}>
              I have copied it
            </Button>
          </DialogFooter>
        </>
      ) : (
        <CreateApiTokenForm onCreated={setCreated} />
      )}
    </FormDialog>
  );
}
