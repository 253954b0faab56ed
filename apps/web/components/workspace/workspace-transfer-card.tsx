'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DownloadIcon } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { TWorkspaceImportReport } from '@shipshape/domain';
import { applyServerErrors } from '../../lib/form-errors';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { FormRootError, SubmitButton } from '../form/submit';
import { downloadFile } from '../project/download-file';
import { ImportReport } from '../project/import-report';
import { ZDocumentFile } from '../project/import-project-form';
import { Button } from '../ui/button';
import { FormField } from '../ui/form-field';
import { Input } from '../ui/input';
import { SettingsCard } from '../ui/settings-card';
import { useWorkspace } from './workspace-context';

/** Settings → Export and import: the whole workspace as one JSON document (admins),
 * and a workspace document imported as a new workspace of one's own. */
export function WorkspaceTransferCard() {
  const { workspace, can } = useWorkspace();
  const client = useTRPCClient();
  const [exporting, setExporting] = useState(false);
  const download = async () => {
    setExporting(true);
    try {
      downloadFile(await client.workspace.export.query({ workspaceId: workspace.id }));
    } catch (error) {
      notifyFailure('Exporting the workspace', error);
    } finally {
      setExporting(false);
    }
  };
  return (
    <SettingsCard
      title="Export and import"
      description="A JSON document of every project, lesson, template and member, for a backup or a move to another Shipshape."
      contentClassName="grid gap-4"
    >
      {can('ADMIN') ? (
        <Button
          variant="outline"
          className="justify-self-start"
          pending={exporting}
          disabled={exporting}
          onClick={() => void download()}
        >
          <DownloadIcon aria-hidden="true" />
          Export workspace
        </Button>
      ) : (
        <p className="text-sm text-muted-foreground">
          Only admins and owners can export the workspace.
        </p>
      )}
      <ImportWorkspaceForm />
    </SettingsCard>
  );
}

function ImportWorkspaceForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<{ report: TWorkspaceImportReport; slug: string } | null>(null);
  const form = useForm({ resolver: zodResolver(ZDocumentFile) });
  const importWorkspace = useMutation(
    trpc.workspace.import.mutationOptions({
      onSuccess: async ({ workspace, report }) => {
        setDone({ report, slug: workspace.slug });
        notifySuccess(`Workspace “${workspace.name}” imported`);
        await queryClient.invalidateQueries(trpc.workspace.list.queryFilter());
      },
      onError: (error) => applyServerErrors(form.setError, error, []),
    }),
  );
  if (done) {
    return (
      <div className="grid gap-3 border-t pt-4">
        <ImportReport report={done.report} />
        {done.report.membersToInvite.length > 0 ? (
          <p className="text-sm">
            Invite the document&apos;s other members from the new workspace&apos;s settings:{' '}
            {done.report.membersToInvite.map((m) => `${m.email} (${m.role})`).join(', ')}.
          </p>
        ) : null}
        <Button asChild className="justify-self-start">
          <Link href={`/w/${done.slug}`}>Open the new workspace</Link>
        </Button>
      </div>
    );
  }
  const submit = form.handleSubmit(async ({ file }) =>
    importWorkspace.mutate({ document: await file[0]!.text() }),
  );
  return (
    <form
      noValidate
      onSubmit={submit}
      className="grid gap-2 border-t pt-4"
      aria-label="Import a workspace"
    >
      <FormField
        label="Import a workspace document as a new workspace"
        hint="You will own it; its members are listed for you to invite."
        error={form.formState.errors.file?.message}
      >
        <Input type="file" accept=".json,application/json" {...form.register('file')} />
      </FormField>
      <FormRootError message={form.formState.errors.root?.server?.message} />
      <SubmitButton
        pending={importWorkspace.isPending}
        variant="outline"
        className="justify-self-start"
      >
        Import workspace
      </SubmitButton>
    </form>
  );
}
