'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
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
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { cn } from '../../lib/utils';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { Input, NativeSelect, Textarea } from '../ui/input';
import { Label } from '../ui/label';
import { Loading, Skeleton } from '../ui/skeleton';

type Kpi = RouterOutputs['kpi']['list'][number];

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

function useRefreshKpis() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.kpi.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
    ]);
}

/** Parses a number typed in the reader's locale ("0,91" or "1 234.5"). */
function parseLocaleNumber(text: string): number {
  const trimmed = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  const decimal = new Intl.NumberFormat()
    .formatToParts(1.5)
    .find((p) => p.type === 'decimal')?.value;
  const normalised =
    decimal === ',' && !trimmed.includes('.')
      ? trimmed.replace(',', '.')
      : trimmed.replace(/,/g, '');
  return trimmed === '' ? Number.NaN : Number(normalised);
}

function RecordForm({ kpi }: { kpi: Kpi }) {
  const trpc = useTRPC();
  const refresh = useRefreshKpis();
  const [value, setValue] = useState('');
  const [at, setAt] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const record = useMutation(
    trpc.kpi.record.mutationOptions({
      onSuccess: () => {
        setValue('');
        setNote('');
        setError(null);
        notifySuccess(`Recorded a value for ${kpi.name}`);
        void refresh();
      },
      onError: (err) => setError(errorInfo(err).message),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const number = parseLocaleNumber(value);
    if (!Number.isFinite(number)) {
      setError('Enter a number.');
      return;
    }
    record.mutate({
      kpiId: kpi.id,
      value: number,
      ...(at ? { recordedAt: new Date(at) } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };
  return (
    <form
      onSubmit={submit}
      className="grid content-start gap-2 rounded-lg border p-3"
      aria-label="Record a value"
    >
      <h4 className="text-sm font-medium">Record a value</h4>
      <div className="grid gap-2 sm:grid-cols-2">
        <div className="grid gap-1">
          <Label htmlFor="kpi-value">Value{kpi.unit ? ` (${kpi.unit})` : ''}</Label>
          <Input
            id="kpi-value"
            inputMode="decimal"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="kpi-at">Measured at</Label>
          <Input
            id="kpi-at"
            type="datetime-local"
            value={at}
            onChange={(event) => setAt(event.target.value)}
          />
        </div>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="kpi-note">Note</Label>
        <Input id="kpi-note" value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      {error ? (
        <p role="alert" className="text-xs text-destructive">
          {error}
        </p>
      ) : null}
      <div>
        <Button
          pending={record.isPending}
          type="submit"
          disabled={record.isPending || !value.trim()}
        >
          Record value
        </Button>
      </div>
    </form>
  );
}

interface RowError {
  row: number;
  message: string;
}

function rowErrorsOf(error: unknown): RowError[] {
  if (!(error instanceof TRPCClientError)) return [];
  const rows = (error.data as { rowErrors?: unknown } | undefined)?.rowErrors;
  return Array.isArray(rows) ? (rows as RowError[]) : [];
}

function CsvForm({ kpi }: { kpi: Kpi }) {
  const trpc = useTRPC();
  const refresh = useRefreshKpis();
  const [csv, setCsv] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const importMany = useMutation(
    trpc.kpi.recordMany.mutationOptions({
      onSuccess: (result) => {
        setCsv('');
        setRowErrors([]);
        setMessage(null);
        notifySuccess(`Imported ${result.recorded} values for ${kpi.name}`);
        void refresh();
      },
      onError: (err) => {
        setRowErrors(rowErrorsOf(err));
        setMessage(errorInfo(err).message);
      },
    }),
  );
  return (
    <form
      className="grid content-start gap-2 rounded-lg border p-3"
      aria-label="Paste CSV"
      onSubmit={(event) => {
        event.preventDefault();
        if (csv.trim()) importMany.mutate({ kpiId: kpi.id, csv });
      }}
    >
      <h4 className="text-sm font-medium">Paste CSV</h4>
      <Label htmlFor="kpi-csv" className="text-xs font-normal text-muted-foreground">
        One value per line: value[,recordedAt[,note]], or a header row naming those columns.
      </Label>
      <Textarea
        id="kpi-csv"
        rows={4}
        className="font-mono text-xs sm:text-xs"
        value={csv}
        placeholder={'value,recordedAt\n0.91,2027-01-10\n0.92,2027-01-17'}
        onChange={(event) => setCsv(event.target.value)}
      />
      {message ? (
        <div role="alert" className="text-xs text-destructive" data-testid="csv-errors">
          <p>{message}</p>
          {rowErrors.length ? (
            <ul className="mt-1 list-disc pl-4">
              {rowErrors.slice(0, 20).map((row) => (
                <li key={`${row.row}-${row.message}`}>
                  Row {row.row}: {row.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div>
        <Button
          pending={importMany.isPending}
          type="submit"
          variant="outline"
          disabled={importMany.isPending || !csv.trim()}
        >
          Import values
        </Button>
      </div>
    </form>
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
