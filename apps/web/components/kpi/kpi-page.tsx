'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { PlusIcon, TargetIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useMemo, useState, type FormEvent } from 'react';
import { errorInfo } from '../../lib/errors';
import { formatMeasure, formatRelative, formatSignedPercent } from '../../lib/format';
import {
  KPI_DIRECTION_LABEL,
  KPI_KINDS,
  KPI_KIND_LABEL,
  type KpiDirection,
  type KpiKind,
} from '../../lib/items';
import { notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { cn } from '../../lib/utils';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { Input, NativeSelect } from '../ui/input';
import { Label } from '../ui/label';
import { Loading, Skeleton } from '../ui/skeleton';
import {
  CsvForm,
  RecordForm,
  parseLocaleNumber,
  useRefreshKpis,
  type Kpi,
} from './kpi-record-forms';

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

export function KpiPage({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const kpis = useQuery(trpc.kpi.list.queryOptions({ projectId }));
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const selected = kpis.data?.find((k) => k.id === chosen) ?? kpis.data?.[0];

  if (kpis.error) {
    return (
      <Alert variant="destructive" role="alert">
        KPIs could not be loaded: {errorInfo(kpis.error).message}
      </Alert>
    );
  }
  if (kpis.isPending) {
    return (
      <Loading label="Loading KPIs…">
        <Skeleton className="h-64 w-full" />
      </Loading>
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">KPIs</h2>
        {canEdit ? (
          <Button variant={creating ? 'outline' : 'default'} onClick={() => setCreating((c) => !c)}>
            <PlusIcon /> {creating ? 'Close' : 'New KPI'}
          </Button>
        ) : null}
      </div>
      {creating ? (
        <NewKpiForm
          projectId={projectId}
          onDone={(id) => {
            setCreating(false);
            setChosen(id);
          }}
        />
      ) : null}
      {kpis.data.length === 0 ? (
        <EmptyState icon={<TargetIcon />} title="No KPIs yet">
          Define business, model and system KPIs with a baseline and a target, then record values as
          you measure them.
        </EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[20rem_minmax(0,1fr)]">
          <ul className="space-y-2" aria-label="KPIs" data-testid="kpi-list">
            {kpis.data.map((kpi) => (
              <li key={kpi.id}>
                <button
                  type="button"
                  onClick={() => setChosen(kpi.id)}
                  aria-pressed={selected?.id === kpi.id}
                  className={cn(
                    'w-full rounded-lg border bg-card p-3 text-left transition-colors hover:bg-muted/50',
                    selected?.id === kpi.id && 'border-primary ring-1 ring-primary/30',
                  )}
                  data-testid="kpi-row"
                >
                  <span className="flex items-start justify-between gap-2">
                    <span className="min-w-0 font-medium break-words">{kpi.name}</span>
                    <OnTrack kpi={kpi} />
                  </span>
                  <span className="mt-1 block text-lg font-semibold tabular-nums">
                    {formatMeasure(kpi.latest, kpi.unit)}
                  </span>
                  <span className="block text-xs text-muted-foreground">
                    {KPI_KIND_LABEL[kpi.kind]} · baseline {formatMeasure(kpi.baseline, kpi.unit)} ·
                    target {formatMeasure(kpi.target, kpi.unit)}
                  </span>
                  {kpi.changeVsBaselinePercent !== null ? (
                    <span className="block text-xs text-muted-foreground">
                      {formatSignedPercent(kpi.changeVsBaselinePercent)} vs baseline
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
          {selected ? <KpiDetail key={selected.id} kpi={selected} canEdit={canEdit} /> : null}
        </div>
      )}
    </div>
  );
}

function OnTrack({ kpi }: { kpi: Kpi }) {
  if (kpi.onTrack === null) return null;
  return (
    <Badge variant={kpi.onTrack ? 'secondary' : 'destructive'}>
      {kpi.onTrack ? 'On track' : 'Off track'}
    </Badge>
  );
}

function KpiDetail({ kpi, canEdit }: { kpi: Kpi; canEdit: boolean }) {
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
          value={
            kpi.changeVsBaseline === null
              ? '—'
              : `${formatMeasure(kpi.changeVsBaseline, kpi.unit)}${
                  kpi.changeVsBaselinePercent !== null
                    ? ` (${formatSignedPercent(kpi.changeVsBaselinePercent)})`
                    : ''
                }`
          }
        />
      </dl>
      {kpi.latestAt ? (
        <p className="text-xs text-muted-foreground">
          Last measured {formatRelative(kpi.latestAt)}
        </p>
      ) : null}
      {series.error ? (
        <Alert variant="destructive">
          The chart could not be loaded: {errorInfo(series.error).message}
        </Alert>
      ) : series.isPending ? (
        <Skeleton className="h-72 w-full" />
      ) : points.length === 0 ? (
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
      )}
      {canEdit ? (
        <div className="grid gap-4 md:grid-cols-2">
          <RecordForm kpi={kpi} />
          <CsvForm kpi={kpi} />
        </div>
      ) : null}
    </section>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-lg bg-muted/50 px-3 py-2">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function NewKpiForm({ projectId, onDone }: { projectId: string; onDone: (id: string) => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshKpis();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<KpiKind>('MODEL');
  const [unit, setUnit] = useState('');
  const [direction, setDirection] = useState<KpiDirection>('HIGHER_IS_BETTER');
  const [baseline, setBaseline] = useState('');
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.kpi.create.mutationOptions({
      onSuccess: async (kpi) => {
        await refresh();
        notifySuccess(`KPI “${kpi.name}” created`);
        onDone(kpi.id);
      },
      onError: (err) => {
        const info = errorInfo(err);
        setError(
          Object.entries(info.fieldErrors)
            .map(([field, messages]) => `${field} ${messages.join(' ')}`)
            .join('; ') || info.message,
        );
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const b = baseline.trim() ? parseLocaleNumber(baseline) : undefined;
    const t = target.trim() ? parseLocaleNumber(target) : undefined;
    if ((b !== undefined && !Number.isFinite(b)) || (t !== undefined && !Number.isFinite(t))) {
      setError('Baseline and target must be numbers.');
      return;
    }
    create.mutate({
      projectId,
      name: name.trim(),
      kind,
      unit: unit.trim(),
      direction,
      ...(b !== undefined ? { baseline: b } : {}),
      ...(t !== undefined ? { target: t } : {}),
    });
  };
  return (
    <form
      onSubmit={submit}
      className="grid gap-3 rounded-xl border bg-card p-4"
      aria-label="New KPI"
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="grid gap-1 sm:col-span-2">
          <Label htmlFor="kpi-name">KPI name</Label>
          <Input id="kpi-name" value={name} onChange={(event) => setName(event.target.value)} />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="kpi-kind">Kind</Label>
          <NativeSelect
            id="kpi-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as KpiKind)}
          >
            {KPI_KINDS.map((k) => (
              <option key={k} value={k}>
                {KPI_KIND_LABEL[k]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="kpi-unit">Unit</Label>
          <Input
            id="kpi-unit"
            value={unit}
            placeholder="%, ms, €"
            onChange={(e) => setUnit(e.target.value)}
          />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="kpi-direction">Direction</Label>
          <NativeSelect
            id="kpi-direction"
            value={direction}
            onChange={(e) => setDirection(e.target.value as KpiDirection)}
          >
            <option value="HIGHER_IS_BETTER">{KPI_DIRECTION_LABEL.HIGHER_IS_BETTER}</option>
            <option value="LOWER_IS_BETTER">{KPI_DIRECTION_LABEL.LOWER_IS_BETTER}</option>
          </NativeSelect>
        </div>
        <div className="grid grid-cols-2 gap-2">
          <div className="grid gap-1">
            <Label htmlFor="kpi-baseline">Baseline</Label>
            <Input
              id="kpi-baseline"
              inputMode="decimal"
              value={baseline}
              onChange={(e) => setBaseline(e.target.value)}
            />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="kpi-target">Target</Label>
            <Input
              id="kpi-target"
              inputMode="decimal"
              value={target}
              onChange={(e) => setTarget(e.target.value)}
            />
          </div>
        </div>
      </div>
      {error ? (
        <p role="alert" className="text-xs text-destructive">
          {error}
        </p>
      ) : null}
      <div>
        <Button
          pending={create.isPending}
          type="submit"
          disabled={create.isPending || !name.trim()}
        >
          Create KPI
        </Button>
      </div>
    </form>
  );
}
