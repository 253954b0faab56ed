'use client';
import { useQueries, useQuery } from '@tanstack/react-query';
import {
  AlertTriangleIcon,
  BanIcon,
  CheckIcon,
  ClockIcon,
  LightbulbIcon,
  MilestoneIcon,
  UsersIcon,
} from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { describeAction } from '../../lib/activity';
import { errorInfo } from '../../lib/errors';
import { formatMeasure, formatNumber, formatPercent, formatRelative } from '../../lib/format';
import {
  ITEM_STATUSES,
  STATUS_DOT,
  STATUS_LABEL,
  formatCalendarDate,
  type ItemStatus,
} from '../../lib/items';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { cn } from '../../lib/utils';
import { STAGE_STATE_LABEL } from '../portfolio/stage-cell';
import { useSetStage } from '../project/use-set-stage';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Loading, Skeleton } from '../ui/skeleton';
import { ProgressBar } from './progress-bar';
import { Sparkline } from './sparkline';

type Dashboard = RouterOutputs['dashboard']['project'];
type Project = RouterOutputs['project']['get'];

export function ProjectDashboard({
  project,
  slug,
  canEdit,
}: {
  project: Project;
  slug: string;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const dashboard = useQuery(trpc.dashboard.project.queryOptions({ projectId: project.id }));
  const kpis = dashboard.data?.kpis.slice(0, 6) ?? [];
  const series = useQueries({
    queries: kpis.map((kpi) => ({
      ...trpc.kpi.series.queryOptions({ kpiId: kpi.id, maxPoints: 30 }),
      staleTime: 60_000,
    })),
  });
  const base = `/w/${slug}/p/${project.id}`;

  if (dashboard.error) {
    return (
      <Alert variant="destructive" role="alert">
        The dashboard could not be loaded: {errorInfo(dashboard.error).message}
      </Alert>
    );
  }
  if (dashboard.isPending) {
    return (
      <Loading label="Loading the dashboard…">
        <div className="grid gap-4 lg:grid-cols-3">
          <Skeleton className="h-96 lg:col-span-2" />
          <Skeleton className="h-96" />
        </div>
      </Loading>
    );
  }
  const data = dashboard.data;
  const ready = series.every((s) => !s.isPending);

  return (
    <div
      className="space-y-4"
      data-testid="project-dashboard"
      data-ready={ready ? 'true' : undefined}
    >
      <div className="grid gap-4 lg:grid-cols-3">
        <StageProgressList
          data={data}
          project={project}
          base={base}
          canEdit={canEdit}
          className="lg:col-span-2"
        />
        <div className="grid content-start gap-4">
          <StatusBreakdown totals={data.totals} />
          <Workload workload={data.workload} />
        </div>
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <ItemList
          title="Overdue"
          icon={<ClockIcon />}
          items={data.overdueItems}
          empty="Nothing is overdue."
          base={base}
          testId="overdue-items"
        />
        <ItemList
          title="Blocked"
          icon={<BanIcon />}
          items={data.blockedItems}
          empty="Nothing is blocked."
          base={base}
          testId="blocked-items"
        />
      </div>

      <Panel
        title="KPIs"
        action={
          <Link href={`${base}/kpis`} className="text-sm text-primary hover:underline">
            All KPIs
          </Link>
        }
      >
        {data.kpis.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            No KPIs yet.{' '}
            <Link href={`${base}/kpis`} className="text-primary hover:underline">
              Define one
            </Link>{' '}
            to follow business, model and system metrics.
          </p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="kpi-cards">
            {kpis.map((kpi, index) => (
              <li key={kpi.id} className="min-w-0 rounded-lg border p-3" data-testid="kpi-card">
                <div className="flex items-start justify-between gap-2">
                  <p className="min-w-0 truncate text-sm font-medium" title={kpi.name}>
                    {kpi.name}
                  </p>
                  {kpi.onTrack === null ? null : (
                    <Badge variant={kpi.onTrack ? 'secondary' : 'destructive'}>
                      {kpi.onTrack ? 'On track' : 'Off track'}
                    </Badge>
                  )}
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
                  values={series[index]?.data?.points.map((p) => p.avg) ?? []}
                  label={`${kpi.name} over time`}
                />
              </li>
            ))}
          </ul>
        )}
      </Panel>

      <div className="grid gap-4 md:grid-cols-2">
        <Panel
          title="Latest lessons"
          action={
            <Link
              href={`/w/${slug}/lessons?project=${project.id}`}
              className="text-sm text-primary hover:underline"
            >
              All lessons
            </Link>
          }
        >
          {data.lessons.length === 0 ? (
            <p className="text-sm text-muted-foreground">No lessons logged yet.</p>
          ) : (
            <ul className="divide-y" data-testid="dashboard-lessons">
              {data.lessons.slice(0, 5).map((lesson) => (
                <li key={lesson.id} className="flex gap-2 py-2 text-sm">
                  <LightbulbIcon
                    className="mt-0.5 size-4 shrink-0 text-muted-foreground"
                    aria-hidden="true"
                  />
                  <div className="min-w-0">
                    <Link
                      href={`/w/${slug}/lessons?lesson=${lesson.id}`}
                      className="font-medium break-words hover:underline"
                    >
                      {lesson.title}
                    </Link>
                    <p className="text-xs text-muted-foreground">
                      {lesson.author?.name ?? 'Someone'} · {formatRelative(lesson.createdAt)}
                      {lesson.tags.length ? ` · ${lesson.tags.join(', ')}` : ''}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel
          title="Recent activity"
          action={
            <Link href={`${base}/activity`} className="text-sm text-primary hover:underline">
              All activity
            </Link>
          }
        >
          {data.activity.length === 0 ? (
            <p className="text-sm text-muted-foreground">Nothing has happened yet.</p>
          ) : (
            <ul className="space-y-2" data-testid="dashboard-activity">
              {data.activity.slice(0, 8).map((entry) => (
                <li key={entry.id} className="text-sm">
                  <span className="font-medium">{entry.actor?.name ?? 'Someone'}</span>{' '}
                  {describeAction(entry.action)}
                  <span className="block text-xs text-muted-foreground">
                    {formatRelative(entry.at)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </div>
  );
}

function Panel({
  title,
  icon,
  action,
  children,
  className,
  testId,
}: {
  title: string;
  icon?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <section
      className={cn('min-w-0 rounded-xl border bg-card p-4', className)}
      aria-label={title}
      data-testid={testId}
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 className="flex items-center gap-2 text-base font-semibold [&_svg]:size-4 [&_svg]:text-muted-foreground">
          {icon}
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

function StageProgressList({
  data,
  project,
  base,
  canEdit,
  className,
}: {
  data: Dashboard;
  project: Project;
  base: string;
  canEdit: boolean;
  className?: string;
}) {
  const { setStage, mutation } = useSetStage(project.id);
  // The project's current stage as the client knows it (moves at once on "Make current").
  const currentKey = project.currentStageKey;
  const currentIndex = data.stages.findIndex((s) => s.key === currentKey);
  const current = data.stages[currentIndex];
  return (
    <section
      aria-labelledby="stages-heading"
      className={cn('min-w-0 rounded-xl border bg-card p-4', className)}
    >
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="stages-heading" className="flex items-center gap-2 text-base font-semibold">
          <MilestoneIcon className="size-4 text-muted-foreground" aria-hidden="true" />
          Stages
        </h2>
        <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="current-stage">
          {current
            ? `Current stage: ${current.title} (${formatNumber(currentIndex + 1)} of ${formatNumber(data.stages.length)})`
            : 'No current stage set'}
        </p>
      </div>
      <ol className="space-y-1.5" data-testid="stage-list">
        {data.stages.map((stage, index) => {
          const isCurrent = stage.key === currentKey;
          const before = currentIndex >= 0 && index < currentIndex;
          return (
            <li
              key={stage.key}
              id={`stage-${stage.key}`}
              tabIndex={-1}
              aria-current={isCurrent ? 'step' : undefined}
              data-testid="stage"
              data-current={isCurrent ? 'true' : undefined}
              data-stage-key={stage.key}
              className={cn(
                'scroll-mt-24 rounded-lg border px-3 py-2 transition-colors target:ring-2 target:ring-ring',
                isCurrent
                  ? 'border-primary/60 bg-accent/60 ring-1 ring-primary/30'
                  : 'border-transparent',
              )}
            >
              <div className="flex items-center gap-3">
                <span
                  aria-hidden="true"
                  className={cn(
                    'grid size-7 shrink-0 place-items-center rounded-full text-xs font-semibold tabular-nums',
                    isCurrent
                      ? 'bg-primary text-primary-foreground'
                      : before
                        ? 'bg-secondary text-foreground'
                        : 'border bg-card text-muted-foreground',
                  )}
                >
                  {before ? <CheckIcon className="size-3.5" /> : index + 1}
                </span>
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-baseline justify-between gap-x-2">
                    <Link
                      href={`${base}/s/${encodeURIComponent(stage.key)}`}
                      className="min-w-0 font-medium break-words hover:underline"
                      data-testid="stage-title"
                    >
                      {stage.title}
                    </Link>
                    <span
                      className="text-xs text-muted-foreground tabular-nums"
                      data-testid="stage-progress"
                    >
                      {formatNumber(stage.done)}/{formatNumber(stage.applicable)} done ·{' '}
                      {formatPercent(stage.percentDone)}
                      {stage.overdue > 0 ? (
                        <span className="text-destructive">
                          {' '}
                          · {formatNumber(stage.overdue)} overdue
                        </span>
                      ) : null}
                    </span>
                  </div>
                  <ProgressBar percent={stage.percentDone} state={stage.state} className="mt-1.5" />
                  <span className="sr-only">
                    {STAGE_STATE_LABEL[stage.state]}, {formatPercent(stage.percentDone)} done
                  </span>
                </div>
                {isCurrent ? (
                  <Badge variant="default" className="shrink-0">
                    Current stage
                  </Badge>
                ) : canEdit ? (
                  <Button
                    size="sm"
                    variant="outline"
                    className="shrink-0"
                    onClick={() => setStage(stage.key)}
                    disabled={mutation.isPending}
                    aria-label={`Make “${stage.title}” the current stage`}
                  >
                    <span className="hidden sm:inline">Make current</span>
                    <span className="sm:hidden">Current</span>
                  </Button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function StatusBreakdown({ totals }: { totals: Dashboard['totals'] }) {
  const counts = totals.counts as Partial<Record<ItemStatus, number>>;
  const total = Math.max(1, totals.total);
  return (
    <Panel title="Status" testId="status-breakdown">
      <p className="mb-2 text-2xl font-semibold tabular-nums" data-testid="project-percent">
        {formatPercent(totals.percentDone)}
        <span className="ml-1 text-sm font-normal text-muted-foreground">
          done ({formatNumber(totals.done)} of {formatNumber(totals.applicable)} applicable)
        </span>
      </p>
      <div className="flex h-3 w-full overflow-hidden rounded-full bg-muted" aria-hidden="true">
        {ITEM_STATUSES.map((status) => {
          const n = counts[status] ?? 0;
          return n > 0 ? (
            <div
              key={status}
              className={STATUS_DOT[status]}
              style={{ width: `${(n / total) * 100}%` }}
            />
          ) : null;
        })}
      </div>
      <ul className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm">
        {ITEM_STATUSES.map((status) => (
          <li key={status} className="flex items-center gap-2" data-testid={`count-${status}`}>
            <span aria-hidden="true" className={cn('size-2.5 rounded-full', STATUS_DOT[status])} />
            <span className="text-muted-foreground">{STATUS_LABEL[status]}</span>
            <span className="ml-auto tabular-nums">{formatNumber(counts[status] ?? 0)}</span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

function Workload({ workload }: { workload: Dashboard['workload'] }) {
  return (
    <Panel title="Workload" icon={<UsersIcon />} testId="workload">
      {workload.length === 0 ? (
        <p className="text-sm text-muted-foreground">No items yet.</p>
      ) : (
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-muted-foreground">
              <th scope="col" className="pb-1 font-medium">
                Person
              </th>
              <th scope="col" className="pb-1 text-right font-medium">
                Open
              </th>
              <th scope="col" className="pb-1 text-right font-medium">
                Overdue
              </th>
              <th scope="col" className="pb-1 text-right font-medium">
                Done
              </th>
            </tr>
          </thead>
          <tbody>
            {workload.map((row) => (
              <tr
                key={row.assignee?.id ?? 'nobody'}
                className="border-t"
                data-testid="workload-row"
              >
                <th scope="row" className="max-w-32 truncate py-1 text-left font-normal">
                  {row.assignee?.name ?? <span className="text-muted-foreground">Unassigned</span>}
                </th>
                <td className="py-1 text-right tabular-nums">{formatNumber(row.open)}</td>
                <td
                  className={cn(
                    'py-1 text-right tabular-nums',
                    row.overdue > 0 && 'font-medium text-destructive',
                  )}
                >
                  {formatNumber(row.overdue)}
                </td>
                <td className="py-1 text-right tabular-nums">{formatNumber(row.done)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

function ItemList({
  title,
  icon,
  items,
  empty,
  base,
  testId,
}: {
  title: string;
  icon: ReactNode;
  items: Dashboard['overdueItems'];
  empty: string;
  base: string;
  testId: string;
}) {
  return (
    <Panel title={`${title} (${formatNumber(items.length)})`} icon={icon} testId={testId}>
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">{empty}</p>
      ) : (
        <ul className="divide-y">
          {items.slice(0, 8).map((item) => (
            <li key={item.id} className="flex items-start gap-2 py-1.5 text-sm">
              <AlertTriangleIcon
                className="mt-0.5 size-4 shrink-0 text-muted-foreground"
                aria-hidden="true"
              />
              <div className="min-w-0 flex-1">
                <Link
                  href={`${base}/s/${encodeURIComponent(item.stageKey)}#item-${item.id}`}
                  className="break-words hover:underline"
                >
                  {item.title}
                </Link>
                <p className="text-xs text-muted-foreground">
                  {item.assignee?.name ?? 'Unassigned'}
                  {item.dueDate ? ` · due ${formatCalendarDate(item.dueDate)}` : ''}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
