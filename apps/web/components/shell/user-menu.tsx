'use client';
import { useMutation } from '@tanstack/react-query';
import { LogOutIcon, MonitorSmartphoneIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { notifyFailure } from '../../lib/notify';
import { clearSession, useSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { Button } from '../ui/button';
import { DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator } from '../ui/dropdown-menu';
import { HeaderMenu } from './header-menu';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')
  ).toUpperCase();
}

export function UserMenu() {
  const session = useSession();
  const trpc = useTRPC();
  const router = useRouter();
  const done = () => {
    clearSession(false);
    router.replace('/sign-in');
  };
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSettled: done }));
  const logoutAll = useMutation(
    trpc.auth.logoutAll.mutationOptions({
      onSuccess: done,
      onError: (error) => notifyFailure('Signing out everywhere', error),
    }),
  );
  if (session.status !== 'signedIn') return null;
  const { user } = session;
  return (
    <HeaderMenu
      align="end"
      trigger={
        <Button
          variant="ghost"
          size="icon"
          className="rounded-full"
          aria-label={`Account: ${user.name}`}
        >
          <span className="grid size-8 place-items-center rounded-full bg-secondary text-xs font-semibold">
            {initials(user.name) || '?'}
          </span>
        </Button>
      }
    >
      <DropdownMenuLabel className="font-normal">
        <span className="block truncate text-sm font-medium text-foreground">{user.name}</span>
        <span className="block truncate">{user.email}</span>
      </DropdownMenuLabel>
      <DropdownMenuSeparator />
      <DropdownMenuItem onSelect={() => logout.mutate({})}>
        <LogOutIcon aria-hidden="true" />
        Sign out
      </DropdownMenuItem>
      <DropdownMenuItem onSelect={() => logoutAll.mutate({})}>
        <MonitorSmartphoneIcon aria-hidden="true" />
        Sign out on every device
      </DropdownMenuItem>
    </HeaderMenu>
  );
}
