'use client';
import type { ComponentProps, ReactNode } from 'react';
import { DropdownMenu, DropdownMenuContent, DropdownMenuTrigger } from '../ui/dropdown-menu';

/** A menu of the app header: `trigger` (a button) opens it; `children` are its entries. */
export function HeaderMenu({
  trigger,
  children,
  ...content
}: ComponentProps<typeof DropdownMenuContent> & { trigger: ReactNode }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent {...content}>{children}</DropdownMenuContent>
    </DropdownMenu>
  );
}
