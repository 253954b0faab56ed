'use client';
// Live updates: one server-sent-events stream per open workspace
// (`live.workspace`, through the same-origin /trpc proxy, authenticated by the
// session cookie). Each committed change invalidates exactly the queries it
// touches, so what is on screen refetches; the tRPC client reconnects by
// itself and resumes after the last event it saw.
//
// Optimistic edits: while this tab has saves in flight, refetches wait until
// they settle (a refetch then would show the server without the edit), and an
// event of this user's own arriving meanwhile is the echo of such a save,
// which that save reconciles itself.
import { useQueryClient, type Query, type QueryClient } from '@tanstack/react-query';
import type { TLiveEvent } from '@shipshape/domain';
import { useEffect } from 'react';
import { getSession } from './session';
import { useTRPCClient } from './trpc';

type Change = Extract<TLiveEvent, { kind: 'change' }>;
type Match = (path: string, input: Record<string, unknown>) => boolean;

/** Reads that sum up the whole workspace: any project's change may move them. */
const WORKSPACE_WIDE = new Set([
  'dashboard.workspace',
  'project.list',
  'item.mine',
  'activity.list',
]);

/** Changes outside any project, by entity: the areas of queries they touch. */
const SHARED_AREAS: Record<string, string[]> = {
  workspace: ['workspace'],
  membership: ['workspace', 'item', 'dashboard'],
  invitation: ['workspace'],
  lesson: ['lesson'],
  template: ['template'],
  // For the inbox: a process that creates notifications may announce them as
  // changes of this kind (see the README's Live updates).
  notification: ['notification'],
};

/** Which queries one change touches. */
function matcherFor(change: Change): Match {
  const { projectId, entityType, entityId } = change;
  if (projectId === null) {
    const areas = SHARED_AREAS[entityType];
    if (!areas) return () => true;
    return (path) => path === 'activity.list' || areas.includes(path.split('.')[0]!);
  }
  return (path, input) =>
    WORKSPACE_WIDE.has(path) ||
    input.projectId === projectId ||
    input.itemId === entityId ||
    input.kpiId === entityId ||
    (entityType === 'comment' && path === 'comment.list');
}

function matches(query: Query, match: Match): boolean {
  const [path, meta] = query.queryKey as [unknown, { input?: unknown } | undefined];
  if (!Array.isArray(path)) return false;
  const input = meta?.input;
  return match(
    path.join('.'),
    typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {},
  );
}

/** Invalidations held while saves are in flight, flushed when the last settles. */
function createInvalidator(queryClient: QueryClient) {
  let held: Match[] = [];
  const flush = () => {
    if (held.length === 0 || queryClient.isMutating() > 0) return;
    const pending = held;
    held = [];
    void queryClient.invalidateQueries({
      predicate: (query) => pending.some((match) => matches(query, match)),
    });
  };
  const unsubscribe = queryClient.getMutationCache().subscribe(() => queueMicrotask(flush));
  return {
    invalidate(match: Match) {
      held.push(match);
      flush();
    },
    stop: unsubscribe,
  };
}

/** Mount once per workspace (its layout): keeps every open view of it current. */
export function useLiveUpdates(workspaceId: string | undefined): void {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!workspaceId) return;
    const invalidator = createInvalidator(queryClient);
    const subscription = client.live.workspace.subscribe(
      { workspaceId },
      {
        onData: ({ data: event }) => {
          if (event.kind === 'refetch') {
            invalidator.invalidate(() => true);
            return;
          }
          const session = getSession();
          const me = session.status === 'signedIn' ? session.user.id : null;
          if (event.actorId === me && queryClient.isMutating() > 0) return;
          invalidator.invalidate(matcherFor(event));
        },
        // The stream refused or ended (no longer a member, signed out): the
        // pages' own reads say what happened; there is nothing to show here.
        onError: () => {},
      },
    );
    return () => {
      subscription.unsubscribe();
      invalidator.stop();
    };
  }, [client, queryClient, workspaceId]);
}
