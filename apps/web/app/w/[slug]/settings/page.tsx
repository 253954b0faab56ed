'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { ZWorkspaceCreateInput } from '../../../../lib/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Trash2Icon } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert, AlertTitle } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { ConfirmButton } from '../../../../components/ui/confirm-button';
import { FormField } from '../../../../components/ui/form-field';
import { Input, Textarea } from '../../../../components/ui/input';
import { Label } from '../../../../components/ui/label';
import { SettingsCard } from '../../../../components/ui/settings-card';
import { useWorkspace, type Workspace } from '../../../../components/workspace/workspace-context';
import { WorkspaceTransferCard } from '../../../../components/workspace/workspace-transfer-card';
import { errorInfo } from '../../../../lib/errors';
import { notifyFailure, notifySuccess } from '../../../../lib/notify';
import { ROLE_LABEL } from '../../../../lib/roles';
import { useTRPC } from '../../../../lib/trpc';
import { LeaveWorkspaceButton, useLeaveWorkspacePage } from './leave-workspace';

const ZDetails = ZWorkspaceCreateInput.pick({ name: true, description: true });
type Details = { name: string; description: string | null };

function isWorkspace(value: unknown): value is Workspace {
  return typeof value === 'object' && value !== null && 'slug' in value && 'version' in value;
}

function WorkspaceDetails() {
  const { workspace, can } = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.workspace.list.queryKey();
  const [conflict, setConflict] = useState<{ mine: Details; theirs: Workspace } | null>(null);
  const canEdit = can('ADMIN');
  const form = useForm({
    resolver: zodResolver(ZDetails),
    defaultValues: { name: workspace.name, description: workspace.description ?? '' },
  });
  const { isDirty } = form.formState;
  useEffect(() => {
    if (!isDirty) form.reset({ name: workspace.name, description: workspace.description ?? '' });
  }, [workspace.name, workspace.description, isDirty, form]);

  const patchList = (patch: (w: Workspace) => Workspace) =>
    queryClient.setQueryData(listKey, (list) =>
      list?.map((w) => (w.id === workspace.id ? patch(w) : w)),
    );
  const update = useMutation(
    trpc.workspace.update.mutationOptions({
      onMutate: async (input) => {
        await queryClient.cancelQueries({ queryKey: listKey });
        const previous = queryClient.getQueryData(listKey);
        patchList((w) => ({
          ...w,
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
        }));
        return { previous };
      },
      onError: (error, input, context) => {
        if (context?.previous) queryClient.setQueryData(listKey, context.previous);
        const info = errorInfo(error);
        if (info.code === 'CONFLICT' && isWorkspace(info.current)) {
          const theirs = info.current;
          patchList(() => theirs);
          setConflict({
            mine: { name: input.name ?? '', description: input.description ?? null },
            theirs,
          });
          return;
        }
        if (info.code === 'FORBIDDEN') void queryClient.invalidateQueries({ queryKey: listKey });
        notifyFailure('Saving the workspace', error);
      },
      onSuccess: (saved) => {
        patchList(() => saved);
        form.reset({ name: saved.name, description: saved.description ?? '' });
        notifySuccess('Workspace saved');
      },
    }),
  );
  const save = (details: Details, expectedVersion: number) => {
    setConflict(null);
    update.mutate({ workspaceId: workspace.id, expectedVersion, ...details });
  };

  return (
    <SettingsCard
      title="Workspace"
      description={
        <>
          Your role here: <strong className="text-foreground">{ROLE_LABEL[workspace.role]}</strong>.
          Address: /w/{workspace.slug}
        </>
      }
      contentClassName="space-y-3"
    >
      {conflict ? (
        <Alert variant="warning" role="alert">
          <AlertTitle>Someone else changed this workspace first</AlertTitle>
          <p>
            It is now called “{conflict.theirs.name}”. Your change (“{conflict.mine.name}”) was not
            saved.
          </p>
          <div className="mt-2 flex gap-2">
            <Button size="sm" onClick={() => save(conflict.mine, conflict.theirs.version)}>
              Apply my change again
            </Button>
            <Button
              size="sm"
              variant="outline"
              onClick={() => {
                setConflict(null);
                form.reset({
                  name: conflict.theirs.name,
                  description: conflict.theirs.description ?? '',
                });
              }}
            >
              Keep theirs
            </Button>
          </div>
        </Alert>
      ) : null}
      <form
        noValidate
        aria-label="Workspace details"
        onSubmit={form.handleSubmit((values) =>
          save(
            { name: values.name, description: values.description ? values.description : null },
            workspace.version,
          ),
        )}
      >
        <fieldset disabled={!canEdit} className="grid gap-2">
          <FormField label="Name" error={form.formState.errors.name?.message}>
            <Input {...form.register('name')} />
          </FormField>
          <FormField label="Description" error={form.formState.errors.description?.message}>
            <Textarea rows={2} {...form.register('description')} />
          </FormField>
        </fieldset>
        {canEdit ? (
          <Button type="submit" disabled={!isDirty || update.isPending}>
            Save changes
          </Button>
        ) : (
          <p className="text-sm text-muted-foreground">
            Only admins and owners can rename the workspace.
          </p>
        )}
      </form>
    </SettingsCard>
  );
}

function LeaveOrDelete() {
  const { workspace, can } = useWorkspace();
  const trpc = useTRPC();
  const gone = useLeaveWorkspacePage();
  const [confirmName, setConfirmName] = useState('');
  const remove = useMutation(
    trpc.workspace.delete.mutationOptions({
      onSuccess: () => gone(`${workspace.name} was deleted`),
      onError: (error) => notifyFailure('Deleting the workspace', error),
    }),
  );
  return (
    <SettingsCard
      className="border-destructive/30"
      title="Leave or delete"
      description="Leaving removes your access; a workspace always keeps at least one owner."
      contentClassName="space-y-4"
    >
      <LeaveWorkspaceButton variant="outline">Leave workspace</LeaveWorkspaceButton>
      {can('OWNER') ? (
        <div className="grid max-w-md gap-2 border-t pt-4">
          <Label htmlFor="confirm-delete">
            To delete the workspace and all its projects, type its name:{' '}
            <strong>{workspace.name}</strong>
          </Label>
          <Input
            id="confirm-delete"
            value={confirmName}
            onChange={(event) => setConfirmName(event.target.value)}
            autoComplete="off"
          />
          <ConfirmButton
            variant="destructive"
            className="justify-self-start"
            disabled={confirmName !== workspace.name || remove.isPending}
            confirm={{
              title: `Delete ${workspace.name} for everyone?`,
              description:
                'Every project, member and template of this workspace is deleted. This cannot be undone.',
              label: 'Delete forever',
              destructive: true,
            }}
            onConfirm={() => remove.mutate({ workspaceId: workspace.id })}
          >
            <Trash2Icon aria-hidden="true" />
            Delete workspace
          </ConfirmButton>
        </div>
      ) : null}
    </SettingsCard>
  );
}

export default function WorkspaceSettingsPage() {
  return (
    <div className="grid max-w-3xl gap-4">
      <WorkspaceDetails />
      <WorkspaceTransferCard />
      <LeaveOrDelete />
    </div>
  );
}
