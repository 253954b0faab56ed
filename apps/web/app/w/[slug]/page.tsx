'use client';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { FolderPlusIcon, SearchIcon } from 'lucide-react';
import { useMemo, useState } from 'react';
import { LoadMore } from '../../../components/common/load-more';
import { SearchField } from '../../../components/form/search-field';
import { SelectField } from '../../../components/form/select-field';
import {
  PortfolioSkeleton,
  PortfolioTable,
  type PortfolioRowProgress,
  type StageProgress,
} from '../../../components/portfolio/portfolio-table';
import { StageLegend } from '../../../components/portfolio/stage-cell';
import {
  PORTFOLIO_PAGE_SIZE,
  projectListQuery,
} from '../../../components/portfolio/project-list-query';
import { useDefaultStages } from '../../../components/portfolio/use-default-stages';
import { ImportProjectDialog } from '../../../components/project/import-project-dialog';
import { NewProjectDialog } from '../../../components/project/new-project-dialog';
import { EmptyState } from '../../../components/ui/empty-state';
import { PHASE_CHOICES } from '../../../components/ui/project-choices';
import { LoadingState, QueryError } from '../../../components/ui/query-state';
import { useWorkspace } from '../../../components/workspace/workspace-context';
import { FIRST_SCREEN_ROWS, firstRows, useFirstScreen } from '../../../lib/first-screen';
import { formatNumber } from '../../../lib/format';
import type { Phase } from '../../../lib/labels';
import { useTRPC, useTRPCClient } from '../../../lib/trpc';
import { useDebounced } from '../../../lib/use-debounced';

const STATUS_CHOICES = [
  { value: 'active', label: 'Active' },
  { value: 'archived', label: 'Archived' },
];

export default function WorkspaceHomePage() {
  const { workspace, can } = useWorkspace();
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [phase, setPhase] = useState<Phase | ''>('');
  const [archived, setArchived] = useState(false);
  const debouncedSearch = useDebounced(search.trim(), 250);
  const dashboard = useQuery(trpc.dashboard.workspace.queryOptions({ workspaceId: workspace.id }));
  // Columns: every stage the workspace's projects have, from the dashboard's answer; the
  // default checklist's (asked only then) while no project has any.
  const noStages = dashboard.isSuccess && dashboard.data.stages.length === 0;
  const stages = useDefaultStages(workspace.id, noStages || dashboard.isError);
  // Progress per project and stage (active projects only; archived ones show placeholders).
  const progress = useMemo(() => {
    const byProject = new Map<string, PortfolioRowProgress>();
    const data = dashboard.data;
    if (!data) return byProject;
    for (const project of data.projects) {
      const cells = new Map<string, StageProgress>();
      data.stages.forEach((stage, index) => {
        const cell = project.cells[index];
        if (cell) cells.set(stage.key, { percentDone: cell.percentDone, state: cell.state });
      });
      byProject.set(project.id, {
        cells,
        percentDone: project.percentDone,
        overdue: project.overdue,
        blocked: project.blocked,
        kpisOffTrack: project.kpisOffTrack,
      });
    }
    return byProject;
  }, [dashboard.data]);
  const columns = useMemo(
    () => (dashboard.data?.stages.length ? dashboard.data.stages : (stages.stages ?? [])),
    [dashboard.data, stages.stages],
  );
  const trpcClient = useTRPCClient();
  const listInput = {
    workspaceId: workspace.id,
    archived,
    limit: PORTFOLIO_PAGE_SIZE,
    ...(debouncedSearch ? { search: debouncedSearch } : {}),
  };
  const projects = useInfiniteQuery({
    ...projectListQuery(trpc, trpcClient, listInput),
    placeholderData: keepPreviousData,
  });
  const all = useMemo(
    () => projects.data?.pages.flatMap((page) => page.items) ?? [],
    [projects.data],
  );
  const shown = useMemo(() => (phase ? all.filter((p) => p.phase === phase) : all), [all, phase]);
  const columnsPending = dashboard.isPending || stages.isPending;
  // The first screen of rows paints first, the rest right after.
  const allShown = useFirstScreen(projects.data && !columnsPending ? workspace.id : null);
  const filtering = Boolean(debouncedSearch || phase || archived);
  const canCreate = can('MEMBER');

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-semibold tracking-tight">{workspace.name}</h1>
          <p className="text-sm text-muted-foreground">
            {workspace.description ?? 'Every project, stage by stage.'}
          </p>
        </div>
        {canCreate ? (
          <div className="flex flex-wrap gap-2">
            <ImportProjectDialog />
            <NewProjectDialog />
          </div>
        ) : null}
      </div>

      <div className="flex flex-col gap-3 sm:flex-row sm:items-end" role="search">
        <SearchField
          id="project-search"
          label="Search projects"
          className="flex-1"
          placeholder="Project name"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <div className="grid grid-cols-2 gap-3 sm:flex">
          <SelectField
            id="phase-filter"
            label="Phase"
            empty="All phases"
            choices={PHASE_CHOICES}
            selectClassName="sm:w-44"
            value={phase}
            onChange={(event) => setPhase(event.target.value as Phase | '')}
          />
          <SelectField
            id="archived-filter"
            label="Status"
            choices={STATUS_CHOICES}
            selectClassName="sm:w-36"
            value={archived ? 'archived' : 'active'}
            onChange={(event) => setArchived(event.target.value === 'archived')}
          />
        </div>
      </div>

      <div className="flex min-h-5 flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {projects.data
            ? `${formatNumber(shown.length)}${projects.hasNextPage ? '+' : ''} ${
                shown.length === 1 ? 'project' : 'projects'
              }`
            : ''}
          {projects.isFetching && projects.data ? ' · updating…' : ''}
          {dashboard.data && !archived ? (
            <span data-testid="portfolio-totals">
              {` · ${formatNumber(dashboard.data.totals.overdue)} overdue ${
                dashboard.data.totals.overdue === 1 ? 'item' : 'items'
              } · ${formatNumber(dashboard.data.totals.kpisOffTrack)} ${
                dashboard.data.totals.kpisOffTrack === 1 ? 'KPI' : 'KPIs'
              } off track`}
            </span>
          ) : null}
        </p>
        <StageLegend />
      </div>

      {projects.error ? (
        <QueryError what="Projects" query={projects} />
      ) : projects.isPending || columnsPending ? (
        <LoadingState label="Loading projects…">
          <PortfolioSkeleton />
        </LoadingState>
      ) : shown.length === 0 ? (
        filtering ? (
          <EmptyState icon={<SearchIcon />} title="No projects match">
            Try another name, phase or status.
          </EmptyState>
        ) : (
          <EmptyState
            icon={<FolderPlusIcon />}
            title="No projects yet"
            action={canCreate ? <NewProjectDialog /> : null}
          >
            {canCreate
              ? 'Create a project to copy the ML checklist into it and follow it stage by stage.'
              : 'Nobody has created a project here yet.'}
          </EmptyState>
        )
      ) : (
        <>
          <PortfolioTable
            projects={firstRows(shown, allShown, FIRST_SCREEN_ROWS)}
            stages={columns}
            progress={progress}
            slug={workspace.slug}
            caption={`Projects in ${workspace.name}, with their progress by checklist stage`}
          />
          <LoadMore query={projects}>Load more projects</LoadMore>
        </>
      )}
    </div>
  );
}
