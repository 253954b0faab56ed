'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { ZProjectCreateInput } from '../../lib/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { errorInfo } from '../../lib/errors';
import { applyServerErrors } from '../../lib/form-errors';
import { templateLabel } from '../../lib/labels';
import { notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { Options } from '../form/select-field';
import { useRefreshPortfolio } from '../portfolio/use-refresh-portfolio';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { DialogFooter } from '../ui/dialog';
import { FormField } from '../ui/form-field';
import { Input, NativeSelect, Textarea } from '../ui/input';
import { useSlow } from '../ui/query-state';
import { APPROACH_CHOICES, INFERENCE_CHOICES, PHASE_CHOICES } from '../ui/project-choices';
import { useWorkspace } from '../workspace/workspace-context';

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

export function NewProjectForm({ onDone }: { onDone: () => void }) {
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const refreshPortfolio = useRefreshPortfolio();
  const templates = useQuery(trpc.template.list.queryOptions({ workspaceId: workspace.id }));
  const slowTemplates = useSlow(templates.isPending && templates.isFetching);
  const form = useForm({
    resolver: zodResolver(ZProjectCreateInput),
    defaultValues: {
      workspaceId: workspace.id,
      name: '',
      description: undefined,
      templateId: undefined,
      phase: 'POC' as const,
      approach: undefined,
      inference: undefined,
    },
  });
  const create = useMutation(
    trpc.project.create.mutationOptions({
      onSuccess: (project) => {
        queryClient.setQueryData(trpc.project.get.queryKey({ projectId: project.id }), project);
        // Not awaited: the portfolio behind the dialog refetches while the project opens.
        void refreshPortfolio();
        notifySuccess(`Project “${project.name}” created`);
        onDone();
        router.push(`/w/${workspace.slug}/p/${project.id}`);
      },
      onError: (error) => {
        if (errorInfo(error).code === 'FORBIDDEN') {
          void queryClient.invalidateQueries(trpc.workspace.list.queryFilter());
        }
        applyServerErrors(form.setError, error, [
          'name',
          'description',
          'templateId',
          'phase',
          'approach',
          'inference',
        ]);
      },
    }),
  );
  const errors = form.formState.errors;
  const defaultTemplate =
    templates.data?.find((t) => t.isDefault && !t.builtIn) ??
    templates.data?.find((t) => t.isDefault);

  return (
    <form noValidate onSubmit={form.handleSubmit((values) => create.mutate(values))}>
      <div className="grid gap-2">
        <FormField label="Name" error={errors.name?.message}>
          <Input autoFocus placeholder="e.g. Churn prediction" {...form.register('name')} />
        </FormField>
        <FormField
          label="Checklist template"
          error={errors.templateId?.message}
          hint={
            templates.error && !templates.data
              ? 'The list of templates could not be loaded: the project uses the workspace default.'
              : slowTemplates
                ? 'Still loading… the server is slow.'
                : undefined
          }
        >
          <NativeSelect
            disabled={templates.isPending}
            {...form.register('templateId', { setValueAs: emptyToUndefined })}
          >
            <option value="">
              {defaultTemplate
                ? `${templateLabel(defaultTemplate)} (default)`
                : templates.isPending
                  ? 'Loading templates…'
                  : 'Workspace default'}
            </option>
            {templates.data
              ?.filter((t) => t.id !== defaultTemplate?.id)
              .map((t) => (
                <option key={t.id} value={t.id}>
                  {templateLabel(t)}
                  {t.builtIn ? '' : ' (this workspace)'}
                </option>
              ))}
          </NativeSelect>
        </FormField>
        <div className="grid gap-2 sm:grid-cols-3">
          <FormField label="Phase" error={errors.phase?.message}>
            <NativeSelect {...form.register('phase')}>
              <Options choices={PHASE_CHOICES} />
            </NativeSelect>
          </FormField>
          <FormField label="Approach" error={errors.approach?.message}>
            <NativeSelect {...form.register('approach', { setValueAs: emptyToUndefined })}>
              <Options empty="Not set" choices={APPROACH_CHOICES} />
            </NativeSelect>
          </FormField>
          <FormField label="Inference" error={errors.inference?.message}>
            <NativeSelect {...form.register('inference', { setValueAs: emptyToUndefined })}>
              <Options empty="Not set" choices={INFERENCE_CHOICES} />
            </NativeSelect>
          </FormField>
        </div>
        <FormField label="Description (optional)" error={errors.description?.message}>
          <Textarea rows={3} {...form.register('description', { setValueAs: emptyToUndefined })} />
        </FormField>
      </div>
      {errors.root?.server?.message ? (
        <Alert variant="destructive" role="alert" className="mb-3">
          {errors.root.server.message}
        </Alert>
      ) : null}
      <DialogFooter>
        <Button pending={create.isPending} type="submit" disabled={create.isPending}>
          Create project
        </Button>
      </DialogFooter>
    </form>
  );
}
