'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { ZProjectCreateInput } from '../../../../../../lib/domain';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { ConflictPanel } from '../../../../../../components/project/conflict-panel';
import { ProjectArchiveCard } from '../../../../../../components/project/project-archive-card';
import type { Project } from '../../../../../../components/project/project-cache';
import { TemplateUpgrade } from '../../../../../../components/project/template-upgrade';
import { useProjectUpdate } from '../../../../../../components/project/use-project-update';
import { Alert } from '../../../../../../components/ui/alert';
import { Button } from '../../../../../../components/ui/button';
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '../../../../../../components/ui/card';
import { FormField } from '../../../../../../components/ui/form-field';
import { Input, NativeSelect, Textarea } from '../../../../../../components/ui/input';
import { useWorkspace } from '../../../../../../components/workspace/workspace-context';
import { errorInfo } from '../../../../../../lib/errors';
import {
  APPROACHES,
  APPROACH_LABEL,
  INFERENCES,
  INFERENCE_LABEL,
  PHASES,
  PHASE_LABEL,
  type Approach,
  type Inference,
  type Phase,
} from '../../../../../../lib/labels';
import { notifySuccess } from '../../../../../../lib/notify';
import { useTRPC } from '../../../../../../lib/trpc';

const ZDetails = ZProjectCreateInput.pick({ name: true, description: true });

function DetailsCard({ project, canEdit }: { project: Project; canEdit: boolean }) {
  const { save, mutation, conflict, dismissConflict } = useProjectUpdate(project.id);
  const form = useForm({
    resolver: zodResolver(ZDetails),
    defaultValues: { name: project.name, description: project.description ?? '' },
  });
  // Follow the saved project (e.g. someone else's change) unless the user is typing.
  const { isDirty } = form.formState;
  useEffect(() => {
    if (!isDirty) form.reset({ name: project.name, description: project.description ?? '' });
  }, [project.name, project.description, isDirty, form]);

  const submit = form.handleSubmit((values) => {
    // Only what this user changed: re-applying after a conflict must not undo
    // someone else's edit of a field this user never touched.
    const dirty = form.formState.dirtyFields;
    const changes = {
      ...(dirty.name ? { name: values.name } : {}),
      ...(dirty.description ? { description: values.description ? values.description : null } : {}),
    };
    save(changes, {
      onSuccess: (saved) => {
        form.reset({ name: saved.name, description: saved.description ?? '' });
        notifySuccess('Project saved');
      },
      // Refused for good (the role no longer allows it): show what is saved.
      onError: (error) => {
        if (errorInfo(error).code === 'FORBIDDEN') {
          form.reset({ name: project.name, description: project.description ?? '' });
        }
      },
    });
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Details</CardTitle>
        <CardDescription>The name and description everyone sees.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {conflict ? (
          <ConflictPanel
            conflict={conflict}
            pending={mutation.isPending}
            onReapply={() =>
              save(conflict.mine, {
                onSuccess: (saved) => {
                  form.reset({ name: saved.name, description: saved.description ?? '' });
                  notifySuccess('Your change was applied');
                },
              })
            }
            onKeepTheirs={() => {
              dismissConflict();
              form.reset({
                name: conflict.theirs.name,
                description: conflict.theirs.description ?? '',
              });
            }}
          />
        ) : null}
        <form noValidate onSubmit={submit} aria-label="Project details">
          <fieldset disabled={!canEdit} className="grid gap-2">
            <FormField label="Project name" error={form.formState.errors.name?.message}>
              <Input {...form.register('name')} />
            </FormField>
            <FormField label="Description" error={form.formState.errors.description?.message}>
              <Textarea rows={3} {...form.register('description')} />
            </FormField>
          </fieldset>
          {canEdit ? (
            <div className="flex gap-2">
              <Button type="submit" disabled={!isDirty}>
                Save changes
              </Button>
              <Button
                type="button"
                variant="ghost"
                disabled={!isDirty}
                onClick={() =>
                  form.reset({ name: project.name, description: project.description ?? '' })
                }
              >
                Discard
              </Button>
            </div>
          ) : null}
        </form>
      </CardContent>
    </Card>
  );
}

function ClassificationCard({ project, canEdit }: { project: Project; canEdit: boolean }) {
  const { save, conflict, dismissConflict, mutation } = useProjectUpdate(project.id);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Phase and approach</CardTitle>
        <CardDescription>Saved as soon as you choose.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        {conflict ? (
          <ConflictPanel
            conflict={conflict}
            pending={mutation.isPending}
            onReapply={() => save(conflict.mine)}
            onKeepTheirs={dismissConflict}
          />
        ) : null}
        <div className="grid gap-3 sm:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)_minmax(0,1fr)]">
          <FormField label="Phase" reserveErrorSpace={false}>
            <NativeSelect
              disabled={!canEdit}
              value={project.phase}
              onChange={(event) => save({ phase: event.target.value as Phase })}
            >
              {PHASES.map((phase) => (
                <option key={phase} value={phase}>
                  {PHASE_LABEL[phase]}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <FormField label="Approach" reserveErrorSpace={false}>
            <NativeSelect
              disabled={!canEdit}
              value={project.approach ?? ''}
              onChange={(event) =>
                save({ approach: (event.target.value || null) as Approach | null })
              }
            >
              <option value="">Not set</option>
              {APPROACHES.map((value) => (
                <option key={value} value={value}>
                  {APPROACH_LABEL[value]}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <FormField label="Inference" reserveErrorSpace={false}>
            <NativeSelect
              disabled={!canEdit}
              value={project.inference ?? ''}
              onChange={(event) =>
                save({ inference: (event.target.value || null) as Inference | null })
              }
            >
              <option value="">Not set</option>
              {INFERENCES.map((value) => (
                <option key={value} value={value}>
                  {INFERENCE_LABEL[value]}
                </option>
              ))}
            </NativeSelect>
          </FormField>
        </div>
      </CardContent>
    </Card>
  );
}

export default function ProjectSettingsPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const { can } = useWorkspace();
  const trpc = useTRPC();
  const project = useQuery(trpc.project.get.queryOptions({ projectId }));
  if (!project.data) return null;
  const canEdit = can('MEMBER');
  return (
    <div className="grid max-w-3xl gap-4">
      {!canEdit ? (
        <Alert variant="info" role="note" data-testid="read-only-note">
          You can see these settings but not change them: your role in this workspace is Viewer.
        </Alert>
      ) : null}
      <DetailsCard project={project.data} canEdit={canEdit && !project.data.archived} />
      <ClassificationCard project={project.data} canEdit={canEdit && !project.data.archived} />
      <TemplateUpgrade project={project.data} canEdit={canEdit && !project.data.archived} />
      <ProjectArchiveCard project={project.data} canEdit={canEdit} />
    </div>
  );
}
