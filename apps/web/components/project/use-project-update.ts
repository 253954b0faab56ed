'use client';
import { useTRPC, type RouterInputs } from '../../lib/trpc';
import { useVersionedMutation } from '../../lib/use-versioned-mutation';
import { useRefreshPortfolio } from '../portfolio/use-refresh-portfolio';
import type { Project } from './project-cache';
import { useProjectCacheSteps } from './use-project-cache-steps';

export type ProjectChanges = Omit<
  RouterInputs['project']['update'],
  'projectId' | 'expectedVersion'
>;

export interface ProjectConflict {
  /** What this user tried to save. */
  mine: ProjectChanges;
  /** The project as someone else left it (now shown everywhere). */
  theirs: Project;
}

/**
 * Saves project fields optimistically: the change shows at once everywhere the
 * project is cached, and is rolled back with a message if the API refuses it.
 * On a version conflict the other person's version replaces the cache and is
 * returned as `conflict`, so the user can compare and re-apply theirs.
 */
export function useProjectUpdate(projectId: string) {
  const trpc = useTRPC();
  const refreshPortfolio = useRefreshPortfolio();
  const cache = useProjectCacheSteps(projectId);

  const { save, mutation, conflicts, dismiss } = useVersionedMutation({
    mutation: trpc.project.update.mutationOptions(),
    ...cache.steps,
    apply: ({ projectId: _id, ...changes }) => cache.show(changes),
    failure: 'Saving the project',
    onSettled: () => refreshPortfolio(),
  });

  const found = conflicts[''];
  const conflict: ProjectConflict | null = found
    ? { mine: withoutId(found.mine), theirs: found.theirs }
    : null;

  return {
    save: (
      changes: ProjectChanges,
      options?: {
        onSuccess?: (project: Project) => void;
        onError?: (error: unknown) => void;
        /** The version the user's edit started from (`useEditBase`). */
        basedOn?: number | undefined;
      },
    ) => {
      void save({ projectId, ...changes }, { basedOn: options?.basedOn }).then((result) => {
        if (!result) return;
        if (result.ok) options?.onSuccess?.(result.record);
        else options?.onError?.(result.error);
      });
    },
    mutation,
    conflict,
    dismissConflict: () => dismiss(),
  };
}

function withoutId({ projectId: _id, ...changes }: { projectId: string } & ProjectChanges) {
  return changes;
}
