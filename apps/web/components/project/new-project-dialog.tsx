'use client';
import { PlusIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { FormDialog } from '../form/form-dialog';
import { Button } from '../ui/button';
import { Skeleton } from '../ui/skeleton';

const loadForm = () => import('./new-project-form').then((m) => m.NewProjectForm);
// The form (react-hook-form, zod) loads when the dialog first opens.
const NewProjectForm = dynamic(loadForm, {
  ssr: false,
  loading: () => <Skeleton className="h-80 w-full" />,
});

export function NewProjectDialog() {
  const [open, setOpen] = useState(false);
  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      title="New project"
      description="The project gets its own copy of the checklist's stages and items."
      className="max-w-2xl"
      trigger={
        <Button onPointerEnter={() => void loadForm()} onFocus={() => void loadForm()}>
          <PlusIcon aria-hidden="true" />
          New project
        </Button>
      }
    >
      {open ? <NewProjectForm onDone={() => setOpen(false)} /> : null}
    </FormDialog>
  );
}
