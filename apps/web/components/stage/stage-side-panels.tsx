'use client';
import { useQuery } from '@tanstack/react-query';
import { LightbulbIcon, TargetIcon } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatMeasure, formatRelative } from '../../lib/format';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { QueryState } from '../ui/query-state';
import { Skeleton } from '../ui/skeleton';

type StageData = RouterOutputs['dashboard']['stage'];

function SidePanel({
  title,
  icon,
  testId,
  children,
}: {
  title: string;
  icon: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section className="rounded-xl border bg-card p-4" aria-label={title} data-testid={testId}>
      <h3 className="mb-2 flex items-center gap-2 text-sm font-semibold [&_svg]:size-4 [&_svg]:text-muted-foreground">
        {icon}
        {title}
      </h3>
      {children}
    </section>
  );
}

/** The stage's KPIs, its lessons, and lessons other projects logged for it. */
export function StageSidePanels({
  kpis,
  lessons,
  base,
  slug,
  workspaceId,
  projectId,
  stageKey,
}: {
  kpis: StageData['kpis'];
  lessons: StageData['lessons'];
  /** The project's path. */
  base: string;
  slug: string;
  workspaceId: string;
  projectId: string;
  stageKey: string;
}) {
  return (
    <aside className="min-w-0 space-y-4" aria-label="About this stage">
      <SidePanel title="KPIs for this stage" icon={<TargetIcon />}>
        {kpis.length === 0 ? (
          <p className="text-sm text-muted-foreground">No KPIs tied to this stage.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {kpis.map((kpi) => (
              <li key={kpi.id} className="flex items-baseline justify-between gap-2">
                <span className="min-w-0 truncate">{kpi.name}</span>
                <span className="shrink-0 tabular-nums">{formatMeasure(kpi.latest, kpi.unit)}</span>
              </li>
            ))}
          </ul>
        )}
        <Link
          href={`${base}/kpis`}
          className="mt-2 inline-block text-sm text-primary hover:underline"
        >
          All KPIs
        </Link>
      </SidePanel>
      <SidePanel title="Lessons from this stage" icon={<LightbulbIcon />}>
        {lessons.length === 0 ? (
          <p className="text-sm text-muted-foreground">None logged yet.</p>
        ) : (
          <ul className="space-y-2 text-sm" data-testid="stage-lessons">
            {lessons.map((l) => (
              <LessonLink
                key={l.id}
                lesson={l}
                slug={slug}
                detail={`${l.author?.name ?? 'Someone'} · ${formatRelative(l.createdAt)}`}
              />
            ))}
          </ul>
        )}
      </SidePanel>
      <LearntElsewhere
        workspaceId={workspaceId}
        stageKey={stageKey}
        projectId={projectId}
        slug={slug}
      />
    </aside>
  );
}

function LearntElsewhere({
  workspaceId,
  stageKey,
  projectId,
  slug,
}: {
  workspaceId: string;
  stageKey: string;
  projectId: string;
  slug: string;
}) {
  const trpc = useTRPC();
  const lessons = useQuery(
    trpc.lesson.forStage.queryOptions({ workspaceId, stageKey, excludeProjectId: projectId }),
  );
  return (
    <SidePanel title="Learnt elsewhere" icon={<LightbulbIcon />} testId="learnt-elsewhere">
      <QueryState
        query={lessons}
        what="Lessons from other projects"
        label="Loading lessons from other projects…"
        fallback={<Skeleton className="h-16 w-full" />}
        empty={
          <p className="text-sm text-muted-foreground">
            Other projects have not logged lessons for this stage yet.
          </p>
        }
      >
        {(list) => (
          <ul className="space-y-2 text-sm">
            {list.slice(0, 8).map((lesson) => (
              <LessonLink
                key={lesson.id}
                lesson={lesson}
                slug={slug}
                detail={`${lesson.project.name} · ${lesson.learnt.slice(0, 120)}${
                  lesson.learnt.length > 120 ? '…' : ''
                }`}
              />
            ))}
          </ul>
        )}
      </QueryState>
    </SidePanel>
  );
}

/** A lesson's title, linking to it on the lessons page, over a line about it. */
function LessonLink({
  lesson,
  slug,
  detail,
}: {
  lesson: { id: string; title: string };
  slug: string;
  detail: string;
}) {
  return (
    <li>
      <Link href={`/w/${slug}/lessons?lesson=${lesson.id}`} className="font-medium hover:underline">
        {lesson.title}
      </Link>
      <span className="block text-xs text-muted-foreground">{detail}</span>
    </li>
  );
}
