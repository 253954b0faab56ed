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
import { useDefaultStages } from '../../../components/portfolio/use-default-stages';
import { NewProjectDialog } from '../../../components/project/new-project-dialog';
import { EmptyState } from '../../../components/ui/empty-state';
import { PHASE_CHOICES } from '../../../components/ui/project-choices';
import { LoadingState, QueryError } from '../../../components/ui/query-state';
import { useWorkspace } from '../../../components/workspace/workspace-context';
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
  const stages = useDefaultStages(workspace.id);
  const dashboard = useQuery(trpc.dashboard.workspace.queryOptions({ workspaceId: workspace.id }));
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
  // Columns: every stage the workspace's projects have; the default checklist's before any exist.
  const columns = dashboard.data?.stages.length ? dashboard.data.stages : (stages.stages ?? []);
  const trpcClient = useTRPCClient();
  const listInput = {
    workspaceId: workspace.id,
    archived,
    limit: 50,
    ...(debouncedSearch ? { search: debouncedSearch } : {}),
  };
  // Paged by hand: tRPC's infinite queries add `direction` to the input, which
  // the API's strict input schema refuses. The key sits under project.list, so
  // invalidating project.list refreshes it too.
  const projects = useInfiniteQuery({
    queryKey: trpc.project.list.infiniteQueryKey(listInput),
    queryFn: ({ pageParam }) =>
      trpcClient.project.list.query({ ...listInput, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
  const all = useMemo(
    () => projects.data?.pages.flatMap((page) => page.items) ?? [],
    [projects.data],
  );
  const shown = phase ? all.filter((p) => p.phase === phase) : all;
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
        {canCreate ? <NewProjectDialog /> : null}
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
      ) : projects.isPending || stages.isPending ? (
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
            projects={shown}
            stages={columns}
            progress={(projectId) => progress.get(projectId)}
            slug={workspace.slug}
            caption={`Projects in ${workspace.name}, with their progress by checklist stage`}
          />
          <LoadMore query={projects}>Load more projects</LoadMore>
        </>
      )}
    </div>
  );
}
