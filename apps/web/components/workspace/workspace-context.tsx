'use client';
import type { TRole } from '@shipshape/domain';
import { createContext, useContext } from 'react';
import { roleAtLeast } from '../../lib/roles';
import type { RouterOutputs } from '../../lib/trpc';

export type Workspace = RouterOutputs['workspace']['list'][number];

interface WorkspaceContextValue {
  workspace: Workspace;
  role: TRole;
  can: (minimum: TRole) => boolean;
}

const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

export function WorkspaceProvider({
  workspace,
  children,
}: {
  workspace: Workspace;
  children: React.ReactNode;
}) {
  return (
    <WorkspaceContext.Provider
      value={{
        workspace,
        role: workspace.role,
        can: (minimum) => roleAtLeast(workspace.role, minimum),
      }}
    >
      {children}
    </WorkspaceContext.Provider>
  );
}

export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace: no workspace here.');
  return value;
}

export function useOptionalWorkspace(): WorkspaceContextValue | null {
  return useContext(WorkspaceContext);
}
