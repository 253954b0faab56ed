'use client';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

/**
 * The stages of the workspace's default template: the portfolio's columns
 * before any project has stages. `enabled: false` asks nothing (yet).
 */
export function useDefaultStages(workspaceId: string, enabled = true) {
  const trpc = useTRPC();
  const templates = useQuery({ ...trpc.template.list.queryOptions({ workspaceId }), enabled });
  const chosen =
    templates.data?.find((t) => t.isDefault && !t.builtIn) ??
    templates.data?.find((t) => t.isDefault) ??
    templates.data?.[0];
  const template = useQuery({
    ...trpc.template.get.queryOptions({ workspaceId, templateId: chosen?.id ?? '' }),
    enabled: enabled && Boolean(chosen),
    staleTime: 10 * 60_000,
  });
  return {
    template: chosen,
    stages: template.data?.stages.map((s) => ({ key: s.key, title: s.title })),
    isPending: enabled && (templates.isPending || (Boolean(chosen) && template.isPending)),
    error: templates.error ?? template.error,
  };
}
