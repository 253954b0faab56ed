'use client';
import { useQuery } from '@tanstack/react-query';
import { CheckIcon, ChevronsUpDownIcon, PlusIcon, RotateCwIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ROLE_LABEL } from '../../lib/roles';
import { useTRPC } from '../../lib/trpc';
import { Button } from '../ui/button';
import { DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator } from '../ui/dropdown-menu';
import { useSlow } from '../ui/query-state';
import { useOptionalWorkspace } from '../workspace/workspace-context';
import { HeaderMenu } from './header-menu';

// The form (react-hook-form, zod) loads when someone creates a workspace.
const CreateWorkspaceDialog = dynamic(
  () => import('../workspace/create-workspace-dialog').then((m) => m.CreateWorkspaceDialog),
  { ssr: false },
);

export function WorkspaceSwitcher() {
  const trpc = useTRPC();
  const router = useRouter();
  const current = useOptionalWorkspace()?.workspace;
  const workspaces = useQuery(trpc.workspace.list.queryOptions());
  const slow = useSlow(workspaces.isPending && workspaces.isFetching);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <HeaderMenu
        align="start"
        className="w-72"
        trigger={
          <Button
            variant="ghost"
            className="h-9 max-w-[11rem] justify-between gap-1 px-2 sm:max-w-xs"
            aria-label={
              current ? `Workspace: ${current.name}. Switch workspace` : 'Choose a workspace'
            }
          >
            <span className="truncate">{current?.name ?? 'Workspaces'}</span>
            <ChevronsUpDownIcon className="text-muted-foreground" aria-hidden="true" />
          </Button>
        }
      >
        <DropdownMenuLabel>Your workspaces</DropdownMenuLabel>
        {workspaces.error && !workspaces.data ? (
          <DropdownMenuItem
            onSelect={(event) => {
              event.preventDefault(); // stays open to show the result
              void workspaces.refetch();
            }}
          >
            <RotateCwIcon aria-hidden="true" />
            Could not load them: retry
          </DropdownMenuItem>
        ) : workspaces.isPending ? (
          <DropdownMenuItem disabled>
            {slow ? 'Still loading… the server is slow' : 'Loading…'}
          </DropdownMenuItem>
        ) : (
          workspaces.data?.map((workspace) => (
            <DropdownMenuItem
              key={workspace.id}
              onSelect={() => router.push(`/w/${workspace.slug}`)}
              aria-current={workspace.id === current?.id ? 'true' : undefined}
            >
              <CheckIcon
                aria-hidden="true"
                className={workspace.id === current?.id ? 'opacity-100' : 'opacity-0'}
              />
              <span className="flex-1 truncate">{workspace.name}</span>
              <span className="text-xs text-muted-foreground">{ROLE_LABEL[workspace.role]}</span>
            </DropdownMenuItem>
          ))
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => setCreating(true)}>
          <PlusIcon aria-hidden="true" />
          Create workspace
        </DropdownMenuItem>
      </HeaderMenu>
      {creating ? <CreateWorkspaceDialog open={creating} onOpenChange={setCreating} /> : null}
    </>
  );
}
