'use client';
import Link from 'next/link';
import { memo } from 'react';
import { formatNumber, formatPercent } from '../../lib/format';
import { PHASE_SHORT, shortStageTitle } from '../../lib/labels';
import type { RouterOutputs } from '../../lib/trpc';
import { RelativeTime } from '../common/relative-time';
import { Badge } from '../ui/badge';
import { Skeleton } from '../ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../ui/table';
import { StageCell, type StageCellProps } from './stage-cell';

export type PortfolioProject = RouterOutputs['project']['list']['items'][number];
export interface PortfolioStage {
  key: string;
  title: string;
}

/** Progress for one cell, from `dashboard.workspace`. */
export type StageProgress = Pick<StageCellProps, 'percentDone' | 'state'>;

/** One project's row of `dashboard.workspace`: cells by stage key and its problems. */
export interface PortfolioRowProgress {
  cells: Map<string, StageProgress>;
  percentDone: number;
  overdue: number;
  blocked: number;
  kpisOffTrack: number;
}

const stickyCell = 'sticky left-0 z-10 bg-card shadow-[1px_0_0_var(--border)]';

export function PortfolioTable({
  projects,
  stages,
  slug,
  progress,
  caption,
}: {
  projects: readonly PortfolioProject[];
  stages: PortfolioStage[];
  slug: string;
  /** Progress by project id; a project without one shows placeholders (archived ones). */
  progress?: ReadonlyMap<string, PortfolioRowProgress>;
  caption: string;
}) {
  return (
    <Table
      containerClassName="rounded-xl border bg-card"
      aria-label={caption}
      data-testid="portfolio"
    >
      <caption className="sr-only">{caption}</caption>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead scope="col" className={`${stickyCell} min-w-44 sm:min-w-60`}>
            Project
          </TableHead>
          <TableHead scope="col">Phase</TableHead>
          <TableHead scope="col">Done</TableHead>
          <TableHead scope="col">Overdue</TableHead>
          <TableHead scope="col" title="KPIs whose latest value is off track">
            KPIs off track
          </TableHead>
          {stages.map((stage) => (
            <TableHead
              key={stage.key}
              scope="col"
              className="h-auto w-28 min-w-28 py-2 leading-tight whitespace-normal"
              title={stage.title}
            >
              <span aria-hidden="true" className="line-clamp-2">
                {shortStageTitle(stage.title)}
              </span>
              <span className="sr-only">{stage.title}</span>
            </TableHead>
          ))}
          <TableHead scope="col">Updated</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {projects.map((project) => (
          <PortfolioRow
            key={project.id}
            project={project}
            stages={stages}
            slug={slug}
            row={progress?.get(project.id)}
          />
        ))}
      </TableBody>
    </Table>
  );
}

/** One project's row; memoized, so rows added after the first screen leave the others be. */
const PortfolioRow = memo(function PortfolioRow({
  project,
  stages,
  slug,
  row,
}: {
  project: PortfolioProject;
  stages: PortfolioStage[];
  slug: string;
  row: PortfolioRowProgress | undefined;
}) {
  return (
    <TableRow data-testid="portfolio-row">
      <th scope="row" className={`${stickyCell} px-3 py-2 text-left font-normal`}>
        <Link
          href={`/w/${slug}/p/${project.id}`}
          className="block max-w-56 truncate rounded-sm font-medium hover:underline sm:max-w-72"
        >
          {project.name}
        </Link>
        <span className="block truncate text-xs text-muted-foreground">
          {project.template ? `Checklist v${project.template.versionLabel}` : 'No checklist'}
          {project.archived ? ' · archived' : ''}
        </span>
      </th>
      <TableCell>
        <Badge variant="outline">{PHASE_SHORT[project.phase]}</Badge>
      </TableCell>
      <TableCell className="tabular-nums" data-testid="portfolio-percent">
        {row ? formatPercent(row.percentDone) : '—'}
      </TableCell>
      <TableCell data-testid="portfolio-overdue">
        <ProblemCount
          count={row?.overdue}
          label="overdue"
          extra={row?.blocked ? `${formatNumber(row.blocked)} blocked` : undefined}
        />
      </TableCell>
      <TableCell data-testid="portfolio-kpis-off-track">
        <ProblemCount count={row?.kpisOffTrack} label="off track" />
      </TableCell>
      {stages.map((stage) => {
        const cell = row?.cells.get(stage.key);
        return (
          <TableCell key={stage.key}>
            <StageCell
              stageTitle={stage.title}
              percentDone={cell?.percentDone}
              state={cell?.state}
              isCurrent={project.currentStageKey === stage.key}
              absent={row !== undefined && cell === undefined}
            />
          </TableCell>
        );
      })}
      <TableCell className="whitespace-nowrap text-xs text-muted-foreground">
        <RelativeTime at={project.updatedAt} />
      </TableCell>
    </TableRow>
  );
});

function ProblemCount({
  count,
  label,
  extra,
}: {
  count: number | undefined;
  label: string;
  extra?: string | undefined;
}) {
  if (count === undefined) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="inline-flex flex-col text-xs leading-tight whitespace-nowrap">
      {count > 0 ? (
        <Badge variant="destructive" className="w-fit tabular-nums">
          {formatNumber(count)} {label}
        </Badge>
      ) : (
        <span className="text-muted-foreground tabular-nums">0</span>
      )}
      {extra ? <span className="mt-0.5 text-muted-foreground">{extra}</span> : null}
    </span>
  );
}

export function PortfolioSkeleton({ columns = 8, rows = 4 }: { columns?: number; rows?: number }) {
  return (
    <div className="overflow-hidden rounded-xl border bg-card" aria-hidden="true">
      <div className="flex h-10 items-center gap-4 border-b px-3">
        <Skeleton className="h-3 w-40" />
        {Array.from({ length: columns }, (_, i) => (
          <Skeleton key={i} className="hidden h-3 w-20 sm:block" />
        ))}
      </div>
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="flex h-[3.25rem] items-center gap-4 border-b px-3 last:border-0">
          <Skeleton className="h-4 w-40" />
          {Array.from({ length: columns }, (_, i) => (
            <Skeleton key={i} className="hidden h-2 w-20 sm:block" />
          ))}
        </div>
      ))}
    </div>
  );
}
