'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { errorInfo } from '../../lib/errors';
import { applyServerErrors } from '../../lib/form-errors';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { DialogActions, FormDialog } from '../form/form-dialog';
import { Options } from '../form/select-field';
import { FormRootError } from '../form/submit';
import { FormField } from '../ui/form-field';
import { Input, NativeSelect, Textarea } from '../ui/input';
import { useWorkspace } from '../workspace/workspace-context';

export type Lesson = RouterOutputs['lesson']['get'];

const required = (max: number) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

const ZLessonForm = z.object({
  projectId: z.string().min(1, 'is required'),
  stageKey: z.string(),
  title: required(300),
  tried: required(20_000),
  happened: required(20_000),
  learnt: required(20_000),
  tags: z.string().max(1000),
});
type LessonForm = z.infer<typeof ZLessonForm>;

function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/**
 * Logs a lesson ("what we tried, what happened, what we learnt") or edits one.
 * From a stage or an item, the project and stage come filled in.
 */
export function LessonDialog({
  open,
  onOpenChange,
  lesson,
  projectId,
  stageKey,
  itemId,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Editing this lesson; otherwise a new one. */
  lesson?: Lesson | undefined;
  projectId?: string | undefined;
  stageKey?: string | undefined;
  itemId?: string | undefined;
}) {
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const projects = useQuery({
    ...trpc.project.list.queryOptions({ workspaceId: workspace.id, limit: 100 }),
    enabled: open && !projectId && !lesson,
  });
  const defaults = (): LessonForm => ({
    projectId: lesson?.project.id ?? projectId ?? '',
    stageKey: lesson?.stageKey ?? stageKey ?? '',
    title: lesson?.title ?? '',
    tried: lesson?.tried ?? '',
    happened: lesson?.happened ?? '',
    learnt: lesson?.learnt ?? '',
    tags: lesson?.tags.join(', ') ?? '',
  });
  const form = useForm<LessonForm>({
    resolver: zodResolver(ZLessonForm),
    defaultValues: defaults(),
  });
  useEffect(() => {
    if (open) form.reset(defaults());
  }, [open, lesson?.id, lesson?.version]);

  const chosenProject = form.watch('projectId');
  const project = useQuery({
    ...trpc.project.get.queryOptions({ projectId: chosenProject }),
    enabled: open && Boolean(chosenProject),
  });
  const template = useQuery({
    ...trpc.template.get.queryOptions({
      workspaceId: workspace.id,
      templateId: project.data?.template?.id ?? '',
    }),
    enabled: open && Boolean(project.data?.template?.id),
    staleTime: 10 * 60_000,
  });

  const done = async (message: string) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.lesson.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
    ]);
    notifySuccess(message);
    onOpenChange(false);
  };
  const fields = ['projectId', 'stageKey', 'title', 'tried', 'happened', 'learnt', 'tags'] as const;
  const create = useMutation(
    trpc.lesson.create.mutationOptions({
      onSuccess: (saved) => done(`Lesson “${saved.title}” logged`),
      onError: (error) => applyServerErrors(form.setError, error, fields),
    }),
  );
  const update = useMutation(
    trpc.lesson.update.mutationOptions({
      onSuccess: (saved) => done(`Lesson “${saved.title}” saved`),
      onError: (error) => {
        if (errorInfo(error).code === 'CONFLICT') {
          notifyFailure('Saving the lesson', error);
          void queryClient.invalidateQueries({ queryKey: trpc.lesson.pathKey() });
          return;
        }
        applyServerErrors(form.setError, error, fields);
      },
    }),
  );
  const pending = create.isPending || update.isPending;

  const submit = form.handleSubmit((values) => {
    const body = {
      title: values.title,
      tried: values.tried,
      happened: values.happened,
      learnt: values.learnt,
      tags: parseTags(values.tags),
    };
    if (lesson) {
      update.mutate({
        lessonId: lesson.id,
        expectedVersion: lesson.version,
        stageKey: values.stageKey || null,
        ...body,
      });
    } else {
      create.mutate({
        projectId: values.projectId,
        ...(values.stageKey ? { stageKey: values.stageKey } : {}),
        ...(itemId && values.stageKey === stageKey ? { itemId } : {}),
        ...body,
      });
    }
  });
  const errors = form.formState.errors;
  // The template's stages; a stage the lesson names that the template lacks stays choosable.
  const chosenStage = form.watch('stageKey');
  const stages = template.data?.stages ?? [];
  const stageChoices = stages.map((stage) => ({ value: stage.key, label: stage.title }));
  if (chosenStage && !stages.some((stage) => stage.key === chosenStage)) {
    stageChoices.push({ value: chosenStage, label: chosenStage });
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={lesson ? 'Edit lesson' : 'Log a lesson'}
      description="What you tried, what happened and what you learnt, so other teams need not repeat it."
      className="max-w-2xl"
    >
      <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-1">
        <div className="grid gap-x-3 sm:grid-cols-2">
          {lesson || projectId ? null : (
            <FormField label="Project" error={errors.projectId?.message}>
              <NativeSelect {...form.register('projectId')}>
                <Options
                  empty="Choose a project"
                  choices={(projects.data?.items ?? []).map((p) => ({
                    value: p.id,
                    label: p.name,
                  }))}
                />
              </NativeSelect>
            </FormField>
          )}
          <FormField label="Stage" error={errors.stageKey?.message}>
            <NativeSelect
              name="stageKey"
              value={chosenStage}
              onChange={(event) =>
                form.setValue('stageKey', event.target.value, { shouldDirty: true })
              }
            >
              <Options empty="No particular stage" choices={stageChoices} />
            </NativeSelect>
          </FormField>
        </div>
        <FormField label="Title" error={errors.title?.message}>
          <Input {...form.register('title')} placeholder="Short and searchable" />
        </FormField>
        <FormField label="What we tried" error={errors.tried?.message}>
          <Textarea {...form.register('tried')} rows={3} />
        </FormField>
        <FormField label="What happened" error={errors.happened?.message}>
          <Textarea {...form.register('happened')} rows={3} />
        </FormField>
        <FormField label="What we learnt" error={errors.learnt?.message}>
          <Textarea {...form.register('learnt')} rows={3} />
        </FormField>
        <FormField label="Tags" hint="Separated by commas" error={errors.tags?.message}>
          <Input {...form.register('tags')} placeholder="data-quality, labelling" />
        </FormField>
        <FormRootError message={errors.root?.server?.message} />
        <DialogActions onCancel={() => onOpenChange(false)} pending={pending}>
          {lesson ? 'Save lesson' : 'Log lesson'}
        </DialogActions>
      </form>
    </FormDialog>
  );
}
