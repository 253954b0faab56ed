'use client';
import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useMemo, useState } from 'react';
import { formatMeasure, formatRelative } from '../../lib/format';
import { KPI_DIRECTION_LABEL, KPI_KIND_LABEL } from '../../lib/items';
import { useTRPC } from '../../lib/trpc';
import { Button } from '../ui/button';
import { QueryState } from '../ui/query-state';
import { Skeleton } from '../ui/skeleton';
import { CsvForm } from './kpi-csv-form';
import { formatChange, formatRelativeChange } from './kpi-format';
import { RecordForm } from './kpi-record-form';
import type { Kpi } from './use-refresh-kpis';

// recharts is loaded only where a chart is shown.
const KpiChart = dynamic(() => import('./kpi-chart'), {
  ssr: false,
  loading: () => <Skeleton className="h-72 w-full" />,
});

const RANGES = [
  { key: '7d', label: '7 days', ms: 7 * 86_400_000 },
  { key: '30d', label: '30 days', ms: 30 * 86_400_000 },
  { key: '90d', label: '90 days', ms: 90 * 86_400_000 },
  { key: '1y', label: '1 year', ms: 365 * 86_400_000 },
  { key: 'all', label: 'All', ms: 0 },
] as const;
type RangeKey = (typeof RANGES)[number]['key'];

/** One KPI: its figures, its chart over a chosen range, and (for editors) the forms that add values. */
export function KpiDetail({ kpi, canEdit }: { kpi: Kpi; canEdit: boolean }) {
  const trpc = useTRPC();
  const [range, setRange] = useState<RangeKey>('all');
  // Fixed per choice of range (a moving "now" would change the query key on every render).
  const from = useMemo(() => {
    const ms = RANGES.find((r) => r.key === range)?.ms ?? 0;
    return ms ? new Date(Math.floor((Date.now() - ms) / 60_000) * 60_000) : undefined;
  }, [range]);
  const series = useQuery(
    trpc.kpi.series.queryOptions({ kpiId: kpi.id, maxPoints: 500, ...(from ? { from } : {}) }),
  );
  const points = useMemo(
    () =>
      (series.data?.points ?? []).map((p) => ({
        t: new Date(p.t).getTime(),
        avg: p.avg,
        min: p.min,
        max: p.max,
        count: p.count,
      })),
    [series.data],
  );
  return (
    <section className="min-w-0 space-y-4 rounded-xl border bg-card p-4" aria-label={kpi.name}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="text-base font-semibold break-words" data-testid="kpi-title">
            {kpi.name}
          </h3>
          <p className="text-sm text-muted-foreground">
            {KPI_KIND_LABEL[kpi.kind]} KPI · {KPI_DIRECTION_LABEL[kpi.direction]}
            {kpi.unit ? ` · unit: ${kpi.unit}` : ''}
          </p>
        </div>
        <div role="group" aria-label="Range" className="flex flex-wrap gap-1">
          {RANGES.map((r) => (
            <Button
              key={r.key}
              size="sm"
              variant={range === r.key ? 'default' : 'outline'}
              aria-pressed={range === r.key}
              onClick={() => setRange(r.key)}
            >
              {r.label}
            </Button>
          ))}
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <Figure
          label="Latest"
          value={formatMeasure(kpi.latest, kpi.unit)}
          testId="kpi-detail-latest"
        />
        <Figure label="Baseline" value={formatMeasure(kpi.baseline, kpi.unit)} />
        <Figure label="Target" value={formatMeasure(kpi.target, kpi.unit)} />
        <Figure
          label="Change vs baseline"
          value={formatChange(kpi.changeVsBaseline, kpi.unit)}
          title={kpi.unit === '%' ? 'In percentage points (pp)' : undefined}
          detail={formatRelativeChange(kpi.changeVsBaselinePercent)}
          testId="kpi-detail-change"
        />
      </dl>
      {kpi.latestAt ? (
        <p className="text-xs text-muted-foreground">
          Last measured {formatRelative(kpi.latestAt)}
        </p>
      ) : null}
      <QueryState
        query={series}
        what="The chart"
        label="Loading the chart…"
        fallback={<Skeleton className="h-72 w-full" />}
      >
        {() =>
          points.length === 0 ? (
            <p
              className="grid h-40 place-items-center rounded-lg border border-dashed text-sm text-muted-foreground"
              data-testid="kpi-chart-empty"
            >
              No values in this range yet.
            </p>
          ) : (
            <KpiChart
              points={points}
              unit={kpi.unit}
              baseline={kpi.baseline}
              target={kpi.target}
              name={kpi.name}
            />
          )
        }
      </QueryState>
      {canEdit ? (
        <div className="grid gap-4 md:grid-cols-2">
          <RecordForm kpi={kpi} />
          <CsvForm kpi={kpi} />
        </div>
      ) : null}
    </section>
  );
}

function Figure({
  label,
  value,
  detail,
  title,
  testId,
}: {
  label: string;
  value: string;
  detail?: string | null;
  title?: string | undefined;
  testId?: string;
}) {
  return (
    <div className="rounded-lg bg-muted/50 px-3 py-2">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="font-semibold tabular-nums" data-testid={testId} title={title}>
        {value}
      </dd>
      {detail ? (
        <dd
          className="text-xs text-muted-foreground tabular-nums"
          data-testid={testId ? `${testId}-relative` : undefined}
        >
          {detail}
        </dd>
      ) : null}
    </div>
  );
}
