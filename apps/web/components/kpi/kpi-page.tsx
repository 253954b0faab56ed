'use client';
import { useQuery } from '@tanstack/react-query';
import { PlusIcon, TargetIcon } from 'lucide-react';
import { useState } from 'react';
import { formatMeasure } from '../../lib/format';
import { KPI_KIND_LABEL } from '../../lib/items';
import { useTRPC } from '../../lib/trpc';
import { cn } from '../../lib/utils';
import { Button } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { QueryState } from '../ui/query-state';
import { Skeleton } from '../ui/skeleton';
import { KpiDetail } from './kpi-detail';
import { formatRelativeChange } from './kpi-format';
import { NewKpiForm } from './new-kpi-form';
import { OnTrackBadge } from './on-track-badge';

export function KpiPage({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const kpis = useQuery(trpc.kpi.list.queryOptions({ projectId }));
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const selected = kpis.data?.find((k) => k.id === chosen) ?? kpis.data?.[0];

  return (
    <QueryState
      query={kpis}
      what="KPIs"
      label="Loading KPIs…"
      fallback={<Skeleton className="h-64 w-full" />}
    >
      {(list) => (
        <div className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-lg font-semibold">KPIs</h2>
            {canEdit ? (
              <Button
                variant={creating ? 'outline' : 'default'}
                onClick={() => setCreating((c) => !c)}
              >
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
          {list.length === 0 ? (
            <EmptyState icon={<TargetIcon />} title="No KPIs yet">
              Define business, model and system KPIs with a baseline and a target, then record
              values as you measure them.
            </EmptyState>
          ) : (
            <div className="grid gap-4 lg:grid-cols-[20rem_minmax(0,1fr)]">
              <ul className="space-y-2" aria-label="KPIs" data-testid="kpi-list">
                {list.map((kpi) => (
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
                        <OnTrackBadge onTrack={kpi.onTrack} />
                      </span>
                      <span className="mt-1 block text-lg font-semibold tabular-nums">
                        {formatMeasure(kpi.latest, kpi.unit)}
                      </span>
                      <span className="block text-xs text-muted-foreground">
                        {KPI_KIND_LABEL[kpi.kind]} · baseline{' '}
                        {formatMeasure(kpi.baseline, kpi.unit)} · target{' '}
                        {formatMeasure(kpi.target, kpi.unit)}
                      </span>
                      {kpi.changeVsBaselinePercent !== null ? (
                        <span className="block text-xs text-muted-foreground">
                          {formatRelativeChange(kpi.changeVsBaselinePercent)}
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
      )}
    </QueryState>
  );
}
