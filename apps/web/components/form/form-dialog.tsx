'use client';
import type { ReactNode } from 'react';
import { Button } from '../ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '../ui/dialog';
import { SubmitButton } from './submit';

/**
 * A dialog that holds one form: its title, a line saying what it is for, and
 * the form. `trigger` (a button) opens it when the dialog is not opened from
 * elsewhere.
 */
export function FormDialog({
  open,
  onOpenChange,
  title,
  description,
  trigger,
  className,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  trigger?: ReactNode;
  /** The dialog's box (e.g. a wider `max-w-2xl`). */
  className?: string;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {trigger ? <DialogTrigger asChild>{trigger}</DialogTrigger> : null}
      <DialogContent className={className}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {children}
      </DialogContent>
    </Dialog>
  );
}

/** A dialog form's buttons: Cancel (when `onCancel` is given) and the submit button. */
export function DialogActions({
  onCancel,
  pending = false,
  disabled,
  children,
}: {
  onCancel?: () => void;
  pending?: boolean;
  disabled?: boolean;
  /** The submit button's label. */
  children: ReactNode;
}) {
  return (
    <DialogFooter>
      {onCancel ? (
        <Button type="button" variant="outline" onClick={onCancel}>
          Cancel
        </Button>
      ) : null}
      <SubmitButton pending={pending} disabled={disabled}>
        {children}
      </SubmitButton>
    </DialogFooter>
  );
}
