'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../lib/trpc';

/**
 * Marks what the portfolio shows as out of date after a write that changes it
 * (a project created, archived, restored, edited or moved to another
 * checklist): the project lists and the dashboards with their progress cells.
 * Shown queries refetch now; the others when next shown, even within their
 * stale time, so a new project never waits for its progress.
 */
export function useRefreshPortfolio(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.project.list.pathFilter()),
      queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
    ]);
  }, [queryClient, trpc]);
}
