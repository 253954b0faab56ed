'use client';
import { CheckIcon, MilestoneIcon } from 'lucide-react';
import Link from 'next/link';
import { formatNumber, formatPercent } from '../../lib/format';
import type { RouterOutputs } from '../../lib/trpc';
import { cn } from '../../lib/utils';
import { STAGE_STATE_LABEL } from '../portfolio/stage-cell';
import { useSetStage } from '../project/use-set-stage';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { ProgressBar } from './progress-bar';

type Dashboard = RouterOutputs['dashboard']['project'];
type Project = RouterOutputs['project']['get'];

/** The template's stages in order, each with its progress; editors can move the current stage. */
export function StageProgressList({
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
                    {/* An action at every width: a shorter "Current" read as a state. */}
                    Make current
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
