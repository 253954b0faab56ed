'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { ZWorkspaceCreateInput } from '../../lib/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { applyServerErrors } from '../../lib/form-errors';
import { notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '../ui/dialog';
import { FormField } from '../ui/form-field';
import { Input, Textarea } from '../ui/input';

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

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
  const rootError = form.formState.errors.root?.server?.message;
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => create.mutate(values))}>
      <div className="grid gap-2">
        <FormField label="Name" error={form.formState.errors.name?.message}>
          <Input autoFocus placeholder="e.g. Fraud ML team" {...form.register('name')} />
        </FormField>
        <FormField
          label="URL name (optional)"
          hint="Lower-case letters, digits and hyphens; made from the name if empty."
          error={form.formState.errors.slug?.message}
        >
          <Input
            placeholder="fraud-ml"
            {...form.register('slug', { setValueAs: emptyToUndefined })}
          />
        </FormField>
        <FormField
          label="Description (optional)"
          error={form.formState.errors.description?.message}
        >
          <Textarea rows={2} {...form.register('description', { setValueAs: emptyToUndefined })} />
        </FormField>
      </div>
      {rootError ? (
        <Alert variant="destructive" role="alert" className="mb-3">
          {rootError}
        </Alert>
      ) : null}
      <DialogFooter>
        <Button pending={create.isPending} type="submit" disabled={create.isPending}>
          Create workspace
        </Button>
      </DialogFooter>
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
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Create a workspace</DialogTitle>
          <DialogDescription>
            A workspace holds a team&apos;s projects, members and checklist templates.
          </DialogDescription>
        </DialogHeader>
        {open ? <CreateWorkspaceForm onCreated={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}
