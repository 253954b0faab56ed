'use client';
import { useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from './button';
import { ConfirmDialog } from './dialog';

/**
 * A button that asks first: it opens a ConfirmDialog and runs `onConfirm` on
 * yes. With `confirm={null}` it acts at once (e.g. undoing what it asked about),
 * staying the same button so that focus stays on it.
 */
export function ConfirmButton({
  confirm,
  onConfirm,
  children,
  ...button
}: Omit<ButtonProps, 'onClick' | 'asChild'> & {
  /** What the dialog asks; null: no question. */
  confirm: { title: string; description: ReactNode; label: string; destructive?: boolean } | null;
  onConfirm: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button {...button} onClick={() => (confirm ? setOpen(true) : onConfirm())}>
        {children}
      </Button>
      {confirm ? (
        <ConfirmDialog
          open={open}
          onOpenChange={setOpen}
          title={confirm.title}
          description={confirm.description}
          confirmLabel={confirm.label}
          destructive={confirm.destructive ?? false}
          onConfirm={onConfirm}
        />
      ) : null}
    </>
  );
}
