'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { ZProjectCreateInput } from '../../../../../../lib/domain';
import { useEffect, type ChangeEvent, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { Options } from '../../../../../../components/form/select-field';
import { ConflictPanel } from '../../../../../../components/project/conflict-panel';
import { ProjectArchiveCard } from '../../../../../../components/project/project-archive-card';
import type { Project } from '../../../../../../components/project/project-cache';
import { TemplateUpgrade } from '../../../../../../components/project/template-upgrade';
import {
  useProjectUpdate,
  type ProjectChanges,
} from '../../../../../../components/project/use-project-update';
import { Alert } from '../../../../../../components/ui/alert';
import { Button } from '../../../../../../components/ui/button';
import { FormField } from '../../../../../../components/ui/form-field';
import { Input, NativeSelect, Textarea } from '../../../../../../components/ui/input';
import {
  APPROACH_CHOICES,
  INFERENCE_CHOICES,
  PHASE_CHOICES,
} from '../../../../../../components/ui/project-choices';
import { SettingsCard } from '../../../../../../components/ui/settings-card';
import { errorInfo } from '../../../../../../lib/errors';
import type { Approach, Inference, Phase } from '../../../../../../lib/labels';
import { notifySuccess } from '../../../../../../lib/notify';
import { useEditBase } from '../../../../../../lib/use-versioned-mutation';
import { useProjectPage } from '../use-project-page';

const ZDetails = ZProjectCreateInput.pick({ name: true, description: true });

type ProjectUpdate = ReturnType<typeof useProjectUpdate>;

/** A card of project fields saved through `update`; a conflict shows above the fields. */
function ProjectFieldsCard({
  update,
  onReapply = (mine) => update.save(mine),
  onKeepTheirs,
  children,
  ...card
}: {
  update: ProjectUpdate;
  title: string;
  description: string;
  contentClassName: string;
  /** Saves this user's change again (by default, as it was). */
  onReapply?: (mine: ProjectChanges) => void;
  /** After keeping the other person's version, e.g. to show it in a form. */
  onKeepTheirs?: (theirs: Project) => void;
  children: ReactNode;
}) {
  const { conflict } = update;
  return (
    <SettingsCard {...card}>
      {conflict ? (
        <ConflictPanel
          conflict={conflict}
          pending={update.mutation.isPending}
          onReapply={() => onReapply(conflict.mine)}
          onKeepTheirs={() => {
            update.dismissConflict();
            onKeepTheirs?.(conflict.theirs);
          }}
        />
      ) : null}
      {children}
    </SettingsCard>
  );
}

function DetailsCard({ project, canEdit }: { project: Project; canEdit: boolean }) {
  const update = useProjectUpdate(project.id);
  const { save } = update;
  const form = useForm({
    resolver: zodResolver(ZDetails),
    defaultValues: { name: project.name, description: project.description ?? '' },
  });
  // Follow the saved project (e.g. someone else's change) unless the user is typing.
  const { isDirty } = form.formState;
  useEffect(() => {
    if (!isDirty) form.reset({ name: project.name, description: project.description ?? '' });
  }, [project.name, project.description, isDirty, form]);
  // A change that arrives while the user types is theirs to see at save (a conflict).
  const basedOn = useEditBase(isDirty, project.version);

  const submit = form.handleSubmit((values) => {
    // Only what this user changed: re-applying after a conflict must not undo
    // someone else's edit of a field this user never touched.
    const dirty = form.formState.dirtyFields;
    const changes = {
      ...(dirty.name ? { name: values.name } : {}),
      ...(dirty.description ? { description: values.description ? values.description : null } : {}),
    };
    save(changes, {
      basedOn,
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
    <ProjectFieldsCard
      update={update}
      title="Details"
      description="The name and description everyone sees."
      contentClassName="space-y-4"
      onReapply={(mine) =>
        save(mine, {
          onSuccess: (saved) => {
            form.reset({ name: saved.name, description: saved.description ?? '' });
            notifySuccess('Your change was applied');
          },
        })
      }
      onKeepTheirs={(theirs) =>
        form.reset({ name: theirs.name, description: theirs.description ?? '' })
      }
    >
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
    </ProjectFieldsCard>
  );
}

function ClassificationCard({ project, canEdit }: { project: Project; canEdit: boolean }) {
  const update = useProjectUpdate(project.id);
  /** A select's props: the saved value ('' for none), saved again as soon as it changes. */
  const choose = <K extends 'phase' | 'approach' | 'inference'>(
    field: K,
    parse: (value: string) => Project[K],
  ) => ({
    disabled: !canEdit,
    value: project[field] ?? '',
    onChange: (event: ChangeEvent<HTMLSelectElement>) =>
      update.save({ [field]: parse(event.target.value) }),
  });
  return (
    <ProjectFieldsCard
      update={update}
      title="Phase and approach"
      description="Saved as soon as you choose."
      contentClassName="space-y-3"
    >
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)_minmax(0,1fr)]">
        <FormField label="Phase" reserveErrorSpace={false}>
          <NativeSelect {...choose('phase', (value) => value as Phase)}>
            <Options choices={PHASE_CHOICES} />
          </NativeSelect>
        </FormField>
        <FormField label="Approach" reserveErrorSpace={false}>
          <NativeSelect {...choose('approach', (value) => (value || null) as Approach | null)}>
            <Options empty="Not set" choices={APPROACH_CHOICES} />
          </NativeSelect>
        </FormField>
        <FormField label="Inference" reserveErrorSpace={false}>
          <NativeSelect {...choose('inference', (value) => (value || null) as Inference | null)}>
            <Options empty="Not set" choices={INFERENCE_CHOICES} />
          </NativeSelect>
        </FormField>
      </div>
    </ProjectFieldsCard>
  );
}

export default function ProjectSettingsPage() {
  const { project, isMember, canEdit } = useProjectPage();
  if (!project) return null;
  return (
    <div className="grid max-w-3xl gap-4">
      {!isMember ? (
        <Alert variant="info" role="note" data-testid="read-only-note">
          You can see these settings but not change them: your role in this workspace is Viewer.
        </Alert>
      ) : null}
      <DetailsCard project={project} canEdit={canEdit} />
      <ClassificationCard project={project} canEdit={canEdit} />
      <TemplateUpgrade project={project} canEdit={canEdit} />
      <ProjectArchiveCard project={project} canEdit={isMember} />
    </div>
  );
}
