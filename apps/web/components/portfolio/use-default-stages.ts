'use client';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

/** The stages of the workspace's default template: the portfolio's columns. */
export function useDefaultStages(workspaceId: string) {
  const trpc = useTRPC();
  const templates = useQuery(trpc.template.list.queryOptions({ workspaceId }));
  const chosen =
    templates.data?.find((t) => t.isDefault && !t.builtIn) ??
    templates.data?.find((t) => t.isDefault) ??
    templates.data?.[0];
  const template = useQuery({
    ...trpc.template.get.queryOptions({ workspaceId, templateId: chosen?.id ?? '' }),
    enabled: Boolean(chosen),
    staleTime: 10 * 60_000,
  });
  return {
    template: chosen,
    stages: template.data?.stages.map((s) => ({ key: s.key, title: s.title })),
    isPending: templates.isPending || (Boolean(chosen) && template.isPending),
    error: templates.error ?? template.error,
  };
}
