'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { ZWorkspaceCreateInput } from '../../../../lib/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LogOutIcon, Trash2Icon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert, AlertTitle } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '../../../../components/ui/card';
import { ConfirmDialog } from '../../../../components/ui/dialog';
import { FormField } from '../../../../components/ui/form-field';
import { Input, Textarea } from '../../../../components/ui/input';
import { Label } from '../../../../components/ui/label';
import { useWorkspace, type Workspace } from '../../../../components/workspace/workspace-context';
import { errorInfo } from '../../../../lib/errors';
import { notifyFailure, notifySuccess } from '../../../../lib/notify';
import { ROLE_LABEL } from '../../../../lib/roles';
import { useTRPC } from '../../../../lib/trpc';

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
    <Card>
      <CardHeader>
        <CardTitle>Workspace</CardTitle>
        <CardDescription>
          Your role here: <strong className="text-foreground">{ROLE_LABEL[workspace.role]}</strong>.
          Address: /w/{workspace.slug}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        {conflict ? (
          <Alert variant="warning" role="alert">
            <AlertTitle>Someone else changed this workspace first</AlertTitle>
            <p>
              It is now called “{conflict.theirs.name}”. Your change (“{conflict.mine.name}”) was
              not saved.
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
      </CardContent>
    </Card>
  );
}

function LeaveOrDelete() {
  const { workspace, can } = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [leaving, setLeaving] = useState(false);
  const [confirmName, setConfirmName] = useState('');
  const [deleting, setDeleting] = useState(false);
  const gone = async (message: string) => {
    notifySuccess(message);
    await queryClient.invalidateQueries(trpc.workspace.list.queryFilter());
    router.replace('/');
  };
  const leave = useMutation(
    trpc.workspace.leave.mutationOptions({
      onSuccess: () => gone(`You left ${workspace.name}`),
      onError: (error) => notifyFailure('Leaving the workspace', error),
    }),
  );
  const remove = useMutation(
    trpc.workspace.delete.mutationOptions({
      onSuccess: () => gone(`${workspace.name} was deleted`),
      onError: (error) => notifyFailure('Deleting the workspace', error),
    }),
  );
  return (
    <Card className="border-destructive/30">
      <CardHeader>
        <CardTitle>Leave or delete</CardTitle>
        <CardDescription>
          Leaving removes your access; a workspace always keeps at least one owner.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <Button variant="outline" onClick={() => setLeaving(true)} disabled={leave.isPending}>
          <LogOutIcon aria-hidden="true" />
          Leave workspace
        </Button>
        <ConfirmDialog
          open={leaving}
          onOpenChange={setLeaving}
          title={`Leave ${workspace.name}?`}
          description="You will lose access to its projects until someone invites you again."
          confirmLabel="Leave"
          destructive
          onConfirm={() => leave.mutate({ workspaceId: workspace.id })}
        />
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
            <Button
              variant="destructive"
              className="justify-self-start"
              disabled={confirmName !== workspace.name || remove.isPending}
              onClick={() => setDeleting(true)}
            >
              <Trash2Icon aria-hidden="true" />
              Delete workspace
            </Button>
            <ConfirmDialog
              open={deleting}
              onOpenChange={setDeleting}
              title={`Delete ${workspace.name} for everyone?`}
              description="Every project, member and template of this workspace is deleted. This cannot be undone."
              confirmLabel="Delete forever"
              destructive
              onConfirm={() => remove.mutate({ workspaceId: workspace.id })}
            />
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}

export default function WorkspaceSettingsPage() {
  return (
    <div className="grid max-w-3xl gap-4">
      <WorkspaceDetails />
      <LeaveOrDelete />
    </div>
  );
}
