'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { TImportReport } from '@shipshape/domain';
import { applyServerErrors } from '../../lib/form-errors';
import { notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { DialogActions } from '../form/form-dialog';
import { FormRootError } from '../form/submit';
import { Button } from '../ui/button';
import { FormField } from '../ui/form-field';
import { Input } from '../ui/input';
import { useWorkspace } from '../workspace/workspace-context';
import { useRefreshPortfolio } from '../portfolio/use-refresh-portfolio';
import { ImportReport } from './import-report';

const MAX_BYTES = 5_000_000;

/** One chosen file of at most 5 MB (the API's limit for a document). */
export const ZDocumentFile = z.object({
  file: z
    .custom<FileList>((v) => typeof FileList !== 'undefined' && v instanceof FileList)
    .refine((list) => list.length === 1, 'Choose a file')
    .refine((list) => (list[0]?.size ?? 0) <= MAX_BYTES, 'must be at most 5 MB'),
});

/** Picks a project document (JSON) and imports it as a new project; shows what it did. */
export function ImportProjectForm({ onDone }: { onDone: () => void }) {
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const refreshPortfolio = useRefreshPortfolio();
  const [done, setDone] = useState<{ report: TImportReport; projectId: string } | null>(null);
  const form = useForm({ resolver: zodResolver(ZDocumentFile) });
  const importProject = useMutation(
    trpc.project.import.mutationOptions({
      onSuccess: async ({ project, report }) => {
        setDone({ report, projectId: project.id });
        notifySuccess(`Project “${project.name}” imported`);
        await refreshPortfolio();
      },
      onError: (error) => applyServerErrors(form.setError, error, []),
    }),
  );
  if (done) {
    return (
      <div className="grid gap-3">
        <ImportReport report={done.report} />
        <div className="flex justify-end gap-2">
          <Button variant="outline" onClick={onDone}>
            Close
          </Button>
          <Button asChild>
            <Link href={`/w/${workspace.slug}/p/${done.projectId}`}>Open the project</Link>
          </Button>
        </div>
      </div>
    );
  }
  const submit = form.handleSubmit(async ({ file }) => {
    const text = await file[0]!.text();
    importProject.mutate({ workspaceId: workspace.id, document: text });
  });
  return (
    <form noValidate onSubmit={submit}>
      <FormField
        label="Project document"
        hint="A .json file from Export → JSON document, here or on another Shipshape."
        error={form.formState.errors.file?.message}
      >
        <Input type="file" accept=".json,application/json" {...form.register('file')} />
      </FormField>
      <FormRootError message={form.formState.errors.root?.server?.message} className="my-3" />
      <DialogActions pending={importProject.isPending}>Import project</DialogActions>
    </form>
  );
}
