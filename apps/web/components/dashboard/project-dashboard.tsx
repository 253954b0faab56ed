'use client';
import { useQuery } from '@tanstack/react-query';
import { BanIcon, ClockIcon } from 'lucide-react';
import { errorInfo } from '../../lib/errors';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { Alert } from '../ui/alert';
import { Loading, Skeleton } from '../ui/skeleton';
import { LatestLessons, RecentActivity } from './dashboard-feeds';
import { ItemList } from './item-list';
import { KpiCards, useKpiSparklines } from './kpi-cards';
import { StageProgressList } from './stage-progress-list';
import { StatusBreakdown } from './status-breakdown';
import { Workload } from './workload';

type Project = RouterOutputs['project']['get'];

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
  const ready = sparklines.ready;

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

      <KpiCards kpis={data.kpis} sparklines={sparklines.values} base={base} />

      <div className="grid gap-4 md:grid-cols-2">
        <LatestLessons lessons={data.lessons} slug={slug} projectId={project.id} />
        <RecentActivity activity={data.activity} base={base} />
      </div>
    </div>
  );
}
