'use client';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

/**
 * How often the bell asks for its count. It also refetches whenever
 * `notification.*` is invalidated (marking read; live updates, when they
 * invalidate it on a teammate's change); this poll and the refetch on window
 * focus are the floor.
 */
export const UNREAD_POLL_MS = 15_000;

/** The bell's number: `notification.unreadCount()`. */
export function useUnreadCount() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.notification.unreadCount.queryOptions(),
    staleTime: 5_000,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });
}
