'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';

export type Kpi = RouterOutputs['kpi']['list'][number];

/** Refetches KPIs and the dashboards that show them (after a KPI or a value is saved). */
export function useRefreshKpis() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.kpi.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
    ]);
}
