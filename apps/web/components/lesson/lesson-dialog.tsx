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

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{lesson ? 'Edit lesson' : 'Log a lesson'}</DialogTitle>
          <DialogDescription>
            What you tried, what happened and what you learnt, so other teams need not repeat it.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-1">
          <div className="grid gap-x-3 sm:grid-cols-2">
            {lesson || projectId ? null : (
              <FormField label="Project" error={errors.projectId?.message}>
                <NativeSelect {...form.register('projectId')}>
                  <option value="">Choose a project</option>
                  {projects.data?.items.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </NativeSelect>
              </FormField>
            )}
            <FormField label="Stage" error={errors.stageKey?.message}>
              <NativeSelect
                name="stageKey"
                value={form.watch('stageKey')}
                onChange={(event) =>
                  form.setValue('stageKey', event.target.value, { shouldDirty: true })
                }
              >
                <option value="">No particular stage</option>
                {(template.data?.stages ?? []).map((stage) => (
                  <option key={stage.key} value={stage.key}>
                    {stage.title}
                  </option>
                ))}
                {form.watch('stageKey') &&
                !template.data?.stages.some((s) => s.key === form.watch('stageKey')) ? (
                  <option value={form.watch('stageKey')}>{form.watch('stageKey')}</option>
                ) : null}
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
          {errors.root?.server ? (
            <Alert variant="destructive" role="alert">
              {errors.root.server.message}
            </Alert>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button pending={pending} type="submit" disabled={pending}>
              {lesson ? 'Save lesson' : 'Log lesson'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
