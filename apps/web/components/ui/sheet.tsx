'use client';
import { Dialog as DialogPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from '../../lib/utils';
import { CornerClose } from './dialog';

/** A dialog that slides in from the right edge, full height: details beside a list. */
export const Sheet = DialogPrimitive.Root;

export function SheetContent({
  className,
  children,
  container,
  ...props
}: ComponentProps<typeof DialogPrimitive.Content> & {
  /** Where in the document the sheet lives (it shows over everything either way). */
  container?: HTMLElement | null;
}) {
  return (
    <DialogPrimitive.Portal container={container}>
      <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/40" />
      <DialogPrimitive.Content
        className={cn(
          'fixed inset-y-0 right-0 z-50 h-dvh w-full max-w-xl overflow-y-auto border-l bg-card p-4 shadow-lg sm:p-6',
          className,
        )}
        {...props}
      >
        {children}
        <CornerClose />
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export const SheetTitle = DialogPrimitive.Title;
export const SheetDescription = DialogPrimitive.Description;
