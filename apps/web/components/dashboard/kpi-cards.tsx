'use client';
import { useQueries } from '@tanstack/react-query';
import Link from 'next/link';
import { formatMeasure } from '../../lib/format';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { cn } from '../../lib/utils';
import { OnTrackBadge } from '../kpi/on-track-badge';
import { Panel } from './panel';
import { Sparkline } from './sparkline';

type Dashboard = RouterOutputs['dashboard']['project'];

const SHOWN = 6;

/** The sparklines of the first KPIs; `ready` once all have answered. */
export function useKpiSparklines(kpis: Dashboard['kpis'] | undefined) {
  const trpc = useTRPC();
  const series = useQueries({
    queries: (kpis ?? []).slice(0, SHOWN).map((kpi) => ({
      ...trpc.kpi.series.queryOptions({ kpiId: kpi.id, maxPoints: 30 }),
      staleTime: 60_000,
    })),
  });
  return {
    values: series.map((s) => s.data?.points.map((p) => p.avg) ?? []),
    ready: series.every((s) => !s.isPending),
  };
}

/** The first KPIs as cards: latest value, baseline and target, on-track badge, sparkline. */
export function KpiCards({
  kpis: all,
  sparklines,
  base,
}: {
  kpis: Dashboard['kpis'];
  sparklines: number[][];
  base: string;
}) {
  const kpis = all.slice(0, SHOWN);
  return (
    <Panel
      title="KPIs"
      link={{ href: `${base}/kpis`, label: 'All KPIs' }}
      empty={
        all.length === 0 ? (
          <>
            No KPIs yet.{' '}
            <Link href={`${base}/kpis`} className="text-primary hover:underline">
              Define one
            </Link>{' '}
            to follow business, model and system metrics.
          </>
        ) : null
      }
    >
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="kpi-cards">
        {kpis.map((kpi, index) => (
          <li key={kpi.id} className="min-w-0 rounded-lg border p-3" data-testid="kpi-card">
            <div className="flex items-start justify-between gap-2">
              <p className="min-w-0 truncate text-sm font-medium" title={kpi.name}>
                {kpi.name}
              </p>
              <OnTrackBadge onTrack={kpi.onTrack} />
            </div>
            <p className="mt-1 text-xl font-semibold tabular-nums" data-testid="kpi-latest">
              {formatMeasure(kpi.latest, kpi.unit)}
            </p>
            <p className="text-xs text-muted-foreground">
              Baseline {formatMeasure(kpi.baseline, kpi.unit)} · target{' '}
              {formatMeasure(kpi.target, kpi.unit)}
            </p>
            <Sparkline
              className={cn(
                'mt-2 h-8 w-full',
                kpi.onTrack === false ? 'text-destructive' : 'text-primary',
              )}
              values={sparklines[index] ?? []}
              label={`${kpi.name} over time`}
            />
          </li>
        ))}
      </ul>
    </Panel>
  );
}
