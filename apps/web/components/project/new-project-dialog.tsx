'use client';
import { PlusIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { Button } from '../ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '../ui/dialog';
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
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button onPointerEnter={() => void loadForm()} onFocus={() => void loadForm()}>
          <PlusIcon aria-hidden="true" />
          New project
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>New project</DialogTitle>
          <DialogDescription>
            The project gets its own copy of the checklist&apos;s stages and items.
          </DialogDescription>
        </DialogHeader>
        {open ? <NewProjectForm onDone={() => setOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}
