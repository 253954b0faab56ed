'use client';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { usePathname } from 'next/navigation';
import { useEffect } from 'react';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { PORTFOLIO_PAGE_SIZE, projectListQuery } from '../portfolio/project-list-query';

type Trpc = ReturnType<typeof useTRPC>;
type Client = ReturnType<typeof useTRPCClient>;

const PROJECT_PAGE = /^\/w\/([^/]+)\/p\/([^/]+)(?:\/s\/([^/]+))?\/?$/;
const PORTFOLIO = /^\/w\/([^/]+)\/?$/;

/** Asks for what the page at `pathname` reads first (nothing for other pages). */
function prefetchPage(pathname: string, trpc: Trpc, client: Client, queryClient: QueryClient) {
  const project = PROJECT_PAGE.exec(pathname);
  if (project) {
    const [, , projectId = '', stageKey] = project;
    void queryClient.prefetchQuery(trpc.project.get.queryOptions({ projectId }));
    if (stageKey) {
      const stage = { projectId, stageKey: decodeURIComponent(stageKey) };
      void queryClient.prefetchQuery(trpc.dashboard.stage.queryOptions(stage));
    } else {
      void queryClient.prefetchQuery(trpc.dashboard.project.queryOptions({ projectId }));
    }
    return;
  }
  const portfolio = PORTFOLIO.exec(pathname);
  if (!portfolio) return;
  // The workspace's id, from the list the layout has already read.
  const workspaceId = queryClient
    .getQueryData(trpc.workspace.list.queryKey())
    ?.find((w) => w.slug === decodeURIComponent(portfolio[1]!))?.id;
  if (!workspaceId) return;
  void queryClient.prefetchQuery(trpc.dashboard.workspace.queryOptions({ workspaceId }));
  void queryClient.prefetchInfiniteQuery(
    projectListQuery(trpc, client, { workspaceId, archived: false, limit: PORTFOLIO_PAGE_SIZE }),
  );
}

/**
 * Asks for a page's data as early as it can be known, from the workspace
 * layout: when a link to the page is pressed (while the router still fetches
 * the page itself), and when the page is opened from its address (beside the
 * workspace list, instead of after it and the project). The pages' own
 * queries find the answers, or the requests in flight, under the same keys.
 */
export function usePagePrefetch(): void {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const pathname = usePathname();

  useEffect(() => {
    prefetchPage(pathname, trpc, client, queryClient);
  }, [pathname, trpc, client, queryClient]);

  useEffect(() => {
    const onPress = (event: Event) => {
      const link = (event.target as Element | null)?.closest?.('a[href^="/w/"]');
      const href = link?.getAttribute('href');
      if (!href) return;
      prefetchPage(new URL(href, window.location.href).pathname, trpc, client, queryClient);
    };
    document.addEventListener('pointerdown', onPress, true);
    document.addEventListener('click', onPress, true);
    return () => {
      document.removeEventListener('pointerdown', onPress, true);
      document.removeEventListener('click', onPress, true);
    };
  }, [trpc, client, queryClient]);
}
