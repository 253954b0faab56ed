'use client';
import Link from 'next/link';
import { Logo } from '../logo';
import { NotificationBell } from '../notifications/notification-bell';
import { CommandPalette } from './command-palette';
import { UserMenu } from './user-menu';
import { WorkspaceSwitcher } from './workspace-switcher';

export function AppHeader() {
  return (
    <header className="sticky top-0 z-40 border-b bg-card/95 backdrop-blur supports-[backdrop-filter]:bg-card/80">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-1 px-3 sm:gap-2 sm:px-4">
        <Link href="/" className="rounded-md p-1" aria-label="Shipshape home">
          <Logo withText={false} className="sm:hidden" />
          <Logo className="hidden sm:inline-flex" />
        </Link>
        <span className="text-muted-foreground" aria-hidden="true">
          /
        </span>
        <WorkspaceSwitcher />
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
          <CommandPalette />
          <NotificationBell />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
