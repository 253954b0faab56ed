'use client';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { shortStageTitle } from '../../lib/labels';
import { useTRPC } from '../../lib/trpc';
import type { ActivityNames } from './describe-activity';

/**
 * Stage titles and member names for the activity sentences: `stages` are the
 * ones the entries' keys name (a project's own, or the default checklist's);
 * until they arrive, or for an unknown key, the key made readable.
 */
export function useActivityNames(
  workspaceId: string,
  stages: ReadonlyArray<{ key: string; title: string }> | undefined,
  inProject: boolean,
): ActivityNames {
  const trpc = useTRPC();
  const members = useQuery(trpc.workspace.members.queryOptions({ workspaceId }));
  return useMemo(() => {
    const titles = new Map((stages ?? []).map((s) => [s.key, shortStageTitle(s.title)]));
    const people = new Map((members.data ?? []).map((m) => [m.userId, m.name]));
    return {
      stageTitle: (key) => titles.get(key),
      memberName: (id) => people.get(id),
      inProject,
    };
  }, [stages, members.data, inProject]);
}
