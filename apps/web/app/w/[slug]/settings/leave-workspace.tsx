'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LogOutIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import type { ButtonProps } from '../../../../components/ui/button';
import { ConfirmButton } from '../../../../components/ui/confirm-button';
import { useWorkspace } from '../../../../components/workspace/workspace-context';
import { notifyFailure, notifySuccess } from '../../../../lib/notify';
import { useTRPC } from '../../../../lib/trpc';

/** Once the user has left (or deleted) the workspace: say so, refresh the list, go home. */
export function useLeaveWorkspacePage(): (message: string) => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return async (message) => {
    notifySuccess(message);
    await queryClient.invalidateQueries(trpc.workspace.list.queryFilter());
    router.replace('/');
  };
}

/** "Leave": asks first, then leaves the workspace and goes home. */
export function LeaveWorkspaceButton({
  size,
  variant,
  children,
}: Pick<ButtonProps, 'size' | 'variant' | 'children'>) {
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const gone = useLeaveWorkspacePage();
  const leave = useMutation(
    trpc.workspace.leave.mutationOptions({
      onSuccess: () => gone(`You left ${workspace.name}`),
      onError: (error) => notifyFailure('Leaving the workspace', error),
    }),
  );
  return (
    <ConfirmButton
      size={size}
      variant={variant}
      disabled={leave.isPending}
      confirm={{
        title: `Leave ${workspace.name}?`,
        description: 'You will lose access to its projects until someone invites you again.',
        label: 'Leave',
        destructive: true,
      }}
      onConfirm={() => leave.mutate({ workspaceId: workspace.id })}
    >
      <LogOutIcon aria-hidden="true" />
      {children}
    </ConfirmButton>
  );
}
