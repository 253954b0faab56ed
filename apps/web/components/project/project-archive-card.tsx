'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ArchiveIcon, ArchiveRestoreIcon } from 'lucide-react';
import { errorInfo } from '../../lib/errors';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { useRefreshPortfolio } from '../portfolio/use-refresh-portfolio';
import { ConfirmButton } from '../ui/confirm-button';
import { SettingsCard } from '../ui/settings-card';
import { isProject, patchProjectInLists, restoreQueries, type Project } from './project-cache';

/** Archive or restore a project: optimistic, leaving (or rejoining) the portfolio at once. */
export function ProjectArchiveCard({ project, canEdit }: { project: Project; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshPortfolio = useRefreshPortfolio();
  const getKey = trpc.project.get.queryKey({ projectId: project.id });
  const listKey = trpc.project.list.pathKey();
  const options = {
    onMutate: async (input: { projectId: string }) => {
      const archived = !project.archived;
      await queryClient.cancelQueries({ queryKey: getKey });
      const previous = queryClient.getQueryData(getKey);
      if (previous) queryClient.setQueryData(getKey, { ...previous, archived });
      // The project leaves the list it was in (active or archived).
      const lists = patchProjectInLists(queryClient, listKey, input.projectId, () => null);
      return { previous, lists };
    },
    onError: (
      error: unknown,
      _input: unknown,
      context:
        { previous: Project | undefined; lists: Array<[readonly unknown[], unknown]> } | undefined,
    ) => {
      if (context?.previous) queryClient.setQueryData(getKey, context.previous);
      if (context?.lists) restoreQueries(queryClient, context.lists);
      const info = errorInfo(error);
      if (info.code === 'CONFLICT' && isProject(info.current)) {
        queryClient.setQueryData(getKey, info.current);
      }
      notifyFailure(project.archived ? 'Restoring the project' : 'Archiving the project', error);
    },
    onSuccess: (saved: Project) => {
      queryClient.setQueryData(getKey, saved);
      notifySuccess(saved.archived ? 'Project archived' : 'Project restored');
    },
    onSettled: () => refreshPortfolio(),
  };
  const archive = useMutation(trpc.project.archive.mutationOptions(options));
  const unarchive = useMutation(trpc.project.unarchive.mutationOptions(options));
  const input = { projectId: project.id, expectedVersion: project.version };
  return (
    <SettingsCard
      title={project.archived ? 'Archived' : 'Archive'}
      description={
        project.archived
          ? 'This project is archived: it is hidden from the portfolio and read-only.'
          : 'Archiving hides the project from the portfolio. Nothing is deleted; you can restore it.'
      }
    >
      <ConfirmButton
        variant="outline"
        disabled={!canEdit || (project.archived ? unarchive : archive).isPending}
        confirm={
          project.archived
            ? null
            : {
                title: `Archive “${project.name}”?`,
                description:
                  'It disappears from the portfolio (find it under Status: Archived) and can be restored at any time.',
                label: 'Archive',
              }
        }
        onConfirm={() => (project.archived ? unarchive : archive).mutate(input)}
      >
        {project.archived ? (
          <ArchiveRestoreIcon aria-hidden="true" />
        ) : (
          <ArchiveIcon aria-hidden="true" />
        )}
        {project.archived ? 'Restore project' : 'Archive project'}
      </ConfirmButton>
    </SettingsCard>
  );
}
