'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { ZTemplateImportInput } from '../../../../../../lib/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FileUpIcon, ShieldAlertIcon } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '../../../../../../components/ui/alert';
import { Button } from '../../../../../../components/ui/button';
import { EmptyState } from '../../../../../../components/ui/empty-state';
import { FormField } from '../../../../../../components/ui/form-field';
import { Input, Textarea } from '../../../../../../components/ui/input';
import { Label } from '../../../../../../components/ui/label';
import { SubpageHeader } from '../../../../../../components/ui/page-header';
import { useWorkspace } from '../../../../../../components/workspace/workspace-context';
import { errorInfo } from '../../../../../../lib/errors';
import { applyServerErrors } from '../../../../../../lib/form-errors';
import { notifySuccess } from '../../../../../../lib/notify';
import { useTRPC } from '../../../../../../lib/trpc';
import { useDebounced } from '../../../../../../lib/use-debounced';
import { ImportPreview, type Preview } from './import-preview';

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const EXAMPLE = `# My team's ML checklist

## Scoping
- Define the business problem | [Notes](https://example.com/scoping)
- Agree on a success metric
  - Offline metric
  - Online metric

## Data
- Find the data sources
- Check data quality
`;

function ImportForm() {
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(ZTemplateImportInput),
    defaultValues: {
      workspaceId: workspace.id,
      name: '',
      versionLabel: undefined,
      markdown: '',
      dryRun: false,
      makeDefault: false,
    },
  });
  const markdown = form.watch('markdown');
  const debouncedMarkdown = useDebounced(markdown, 500);
  const [preview, setPreview] = useState<Preview>({ status: 'idle' });
  const sequence = useRef(0);

  const dryRun = useMutation(trpc.template.import.mutationOptions());
  const { mutate: runDryRun } = dryRun;
  // Re-parse on the server (the same parser the import uses) as the text changes;
  // only the answer to the latest text is shown.
  useEffect(() => {
    if (!debouncedMarkdown.trim()) {
      setPreview({ status: 'idle' });
      return;
    }
    const mine = ++sequence.current;
    setPreview((previous) => ({
      status: 'loading',
      ...(previous.status === 'ok' ? { last: previous.template } : {}),
    }));
    runDryRun(
      { workspaceId: workspace.id, name: 'Preview', markdown: debouncedMarkdown, dryRun: true },
      {
        onSuccess: (result) => {
          if (mine === sequence.current) setPreview({ status: 'ok', template: result.template });
        },
        onError: (error) => {
          if (mine === sequence.current)
            setPreview({ status: 'error', message: errorInfo(error).message });
        },
      },
    );
  }, [debouncedMarkdown, workspace.id, runDryRun]);

  const save = useMutation(
    trpc.template.import.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries(trpc.template.list.queryFilter());
        if (result.stored?.duplicate) {
          notifySuccess(
            'Already stored',
            `This exact checklist is already saved as version ${result.stored.versionLabel}.`,
          );
        } else {
          notifySuccess(
            `Imported “${result.template.title}”`,
            `Saved as version ${result.stored?.versionLabel ?? ''}.`,
          );
        }
        router.push(`/w/${workspace.slug}/settings/templates`);
      },
      onError: (error) =>
        applyServerErrors(form.setError, error, ['name', 'versionLabel', 'markdown']),
    }),
  );

  const loadFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    form.setValue('markdown', text, { shouldDirty: true, shouldValidate: true });
    if (!form.getValues('name')) {
      form.setValue('name', file.name.replace(/\.(md|markdown|txt)$/i, ''), { shouldDirty: true });
    }
  };

  const stale = markdown !== debouncedMarkdown || preview.status === 'loading';
  const canSave = preview.status === 'ok' && !stale && !save.isPending;

  return (
    <form
      noValidate
      aria-label="Import a checklist"
      onSubmit={form.handleSubmit((values) => save.mutate({ ...values, dryRun: false }))}
      className="grid gap-6 lg:grid-cols-2"
    >
      <div className="min-w-0 space-y-2">
        <div className="grid gap-2 sm:grid-cols-[1fr_10rem]">
          <FormField label="Template name" error={form.formState.errors.name?.message}>
            <Input placeholder="e.g. Fraud team checklist" {...form.register('name')} />
          </FormField>
          <FormField label="Version (optional)" error={form.formState.errors.versionLabel?.message}>
            <Input
              placeholder="next number"
              {...form.register('versionLabel', { setValueAs: emptyToUndefined })}
            />
          </FormField>
        </div>
        <FormField
          label="Checklist Markdown"
          hint="One “##” heading per stage; list entries are items, nested entries sub-items."
          error={form.formState.errors.markdown?.message}
        >
          <Textarea
            rows={16}
            spellCheck={false}
            placeholder={EXAMPLE}
            className="font-mono text-xs leading-5 sm:text-xs"
            {...form.register('markdown')}
          />
        </FormField>
        <div className="flex flex-wrap items-center gap-3">
          <Label
            htmlFor="markdown-file"
            className="inline-flex h-9 cursor-pointer items-center gap-2 rounded-md border border-input bg-card px-3 text-sm font-medium shadow-sm hover:bg-accent focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-ring"
          >
            <FileUpIcon className="size-4" aria-hidden="true" />
            Load a .md file
            <input
              id="markdown-file"
              type="file"
              accept=".md,.markdown,.txt,text/markdown,text/plain"
              className="sr-only"
              onChange={(event) => void loadFile(event.target.files?.[0])}
            />
          </Label>
          <Button
            type="button"
            variant="ghost"
            onClick={() =>
              form.setValue('markdown', EXAMPLE, { shouldDirty: true, shouldValidate: true })
            }
          >
            Use an example
          </Button>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-primary"
            {...form.register('makeDefault')}
          />
          Make it this workspace&apos;s default for new projects
        </label>
        {form.formState.errors.root?.server?.message ? (
          <Alert variant="destructive" role="alert">
            {form.formState.errors.root.server.message}
          </Alert>
        ) : null}
        <div className="flex gap-2 pt-2">
          <Button pending={save.isPending} type="submit" disabled={!canSave}>
            Save template
          </Button>
          <Button asChild variant="ghost">
            <Link href={`/w/${workspace.slug}/settings/templates`}>Cancel</Link>
          </Button>
        </div>
      </div>

      <ImportPreview preview={preview} markdown={markdown} stale={stale} />
    </form>
  );
}

export default function ImportTemplatePage() {
  const { workspace, can } = useWorkspace();
  return (
    <div className="space-y-4">
      <SubpageHeader
        back={{ href: `/w/${workspace.slug}/settings/templates`, label: 'All templates' }}
        title="Import a checklist"
      >
        Paste a Markdown checklist. Shipshape shows the stages and items it reads before you save.
      </SubpageHeader>
      {can('ADMIN') ? (
        <ImportForm />
      ) : (
        <EmptyState icon={<ShieldAlertIcon />} title="Only admins and owners import templates">
          You can browse and compare the templates this workspace has.
        </EmptyState>
      )}
    </div>
  );
}
