'use client';
import { UploadIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { FormDialog } from '../form/form-dialog';
import { Button } from '../ui/button';
import { Skeleton } from '../ui/skeleton';

const loadForm = () => import('./import-project-form').then((m) => m.ImportProjectForm);
// The form (react-hook-form, zod) loads when the dialog first opens.
const ImportProjectForm = dynamic(loadForm, {
  ssr: false,
  loading: () => <Skeleton className="h-32 w-full" />,
});

/** "Import project" in a workspace: a project document becomes a new project here. */
export function ImportProjectDialog() {
  const [open, setOpen] = useState(false);
  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      title="Import a project"
      description="Everything in the document is kept; people are matched by email among this workspace's members."
      trigger={
        <Button
          variant="outline"
          onPointerEnter={() => void loadForm()}
          onFocus={() => void loadForm()}
        >
          <UploadIcon aria-hidden="true" />
          Import project
        </Button>
      }
    >
      {open ? <ImportProjectForm onDone={() => setOpen(false)} /> : null}
    </FormDialog>
  );
}
