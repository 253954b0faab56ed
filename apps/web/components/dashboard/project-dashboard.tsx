'use client';
import { useQuery } from '@tanstack/react-query';
import { BanIcon, ClockIcon } from 'lucide-react';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { QueryState } from '../ui/query-state';
import { Skeleton } from '../ui/skeleton';
import { LatestLessons } from './dashboard-feeds';
import { LazyRecentActivity } from './lazy-recent-activity';
import { ItemList } from './item-list';
import { KpiCards, useKpiSparklines } from './kpi-cards';
import { StageProgressList } from './stage-progress-list';
import { StatusBreakdown } from './status-breakdown';
import { Workload } from './workload';

type Project = RouterOutputs['project']['get'];
type Dashboard = RouterOutputs['dashboard']['project'];

/** The items that need attention, each list a panel. */
const PROBLEM_LISTS = [
  {
    key: 'overdueItems',
    title: 'Overdue',
    icon: <ClockIcon />,
    empty: 'Nothing is overdue.',
    testId: 'overdue-items',
  },
  {
    key: 'blockedItems',
    title: 'Blocked',
    icon: <BanIcon />,
    empty: 'Nothing is blocked.',
    testId: 'blocked-items',
  },
] as const;

/**
 * A project at a glance: stages and their progress, status and workload,
 * overdue and blocked items, KPIs, lessons and activity. Each panel is its own
 * file in this folder.
 */
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
  const sparklines = useKpiSparklines(dashboard.data?.kpis);

  return (
    <QueryState
      query={dashboard}
      what="The dashboard"
      label="Loading the dashboard…"
      fallback={
        <div className="grid gap-4 lg:grid-cols-3">
          <Skeleton className="h-96 lg:col-span-2" />
          <Skeleton className="h-96" />
        </div>
      }
    >
      {(data) => (
        <DashboardPanels
          data={data}
          project={project}
          slug={slug}
          canEdit={canEdit}
          ready={sparklines.ready}
          sparklines={sparklines.values}
        />
      )}
    </QueryState>
  );
}

/** The panels, once the dashboard has loaded. */
function DashboardPanels({
  data,
  project,
  slug,
  canEdit,
  ready,
  sparklines,
}: {
  data: Dashboard;
  project: Project;
  slug: string;
  canEdit: boolean;
  /** The KPI sparklines have all answered. */
  ready: boolean;
  sparklines: number[][];
}) {
  const base = `/w/${slug}/p/${project.id}`;
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
        {PROBLEM_LISTS.map(({ key, ...list }) => (
          <ItemList key={key} {...list} items={data[key]} base={base} />
        ))}
      </div>

      <KpiCards kpis={data.kpis} sparklines={sparklines} base={base} />

      <div className="grid gap-4 md:grid-cols-2">
        <LatestLessons lessons={data.lessons} slug={slug} projectId={project.id} />
        <LazyRecentActivity activity={data.activity} stages={data.stages} base={base} />
      </div>
    </div>
  );
}
