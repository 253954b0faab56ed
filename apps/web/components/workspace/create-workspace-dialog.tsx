'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { ZWorkspaceCreateInput } from '../../lib/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { applyServerErrors } from '../../lib/form-errors';
import { notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { DialogActions, FormDialog } from '../form/form-dialog';
import { FormRootError } from '../form/submit';
import { FormField } from '../ui/form-field';
import { Input, Textarea } from '../ui/input';

/** An optional text field: left blank, it is not sent. */
const optional = {
  setValueAs: (value: unknown) =>
    typeof value === 'string' && value.trim() === '' ? undefined : value,
};

export function CreateWorkspaceForm({ onCreated }: { onCreated?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(ZWorkspaceCreateInput),
    defaultValues: { name: '', slug: undefined, description: undefined },
  });
  const create = useMutation(
    trpc.workspace.create.mutationOptions({
      onSuccess: async (workspace) => {
        queryClient.setQueryData(trpc.workspace.list.queryKey(), (list) =>
          list ? [...list, workspace].sort((a, b) => a.name.localeCompare(b.name)) : [workspace],
        );
        await queryClient.invalidateQueries(trpc.workspace.list.queryFilter());
        notifySuccess(`Workspace “${workspace.name}” created`);
        onCreated?.();
        router.push(`/w/${workspace.slug}`);
      },
      onError: (error) => applyServerErrors(form.setError, error, ['name', 'slug', 'description']),
    }),
  );
  const errors = form.formState.errors;
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => create.mutate(values))}>
      <div className="grid gap-2">
        <FormField label="Name" error={errors.name?.message}>
          <Input autoFocus placeholder="e.g. Fraud ML team" {...form.register('name')} />
        </FormField>
        <FormField
          label="URL name (optional)"
          hint="Lower-case letters, digits and hyphens; made from the name if empty."
          error={errors.slug?.message}
        >
          <Input placeholder="fraud-ml" {...form.register('slug', optional)} />
        </FormField>
        <FormField label="Description (optional)" error={errors.description?.message}>
          <Textarea rows={2} {...form.register('description', optional)} />
        </FormField>
      </div>
      <FormRootError message={errors.root?.server?.message} className="mb-3" />
      <DialogActions pending={create.isPending}>Create workspace</DialogActions>
    </form>
  );
}

export function CreateWorkspaceDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Create a workspace"
      description="A workspace holds a team's projects, members and checklist templates."
    >
      {open ? <CreateWorkspaceForm onCreated={() => onOpenChange(false)} /> : null}
    </FormDialog>
  );
}
