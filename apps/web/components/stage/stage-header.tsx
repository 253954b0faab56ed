'use client';
import { ArrowLeftIcon, LightbulbIcon } from 'lucide-react';
import Link from 'next/link';
import { formatNumber, formatPercent } from '../../lib/format';
import type { RouterOutputs } from '../../lib/trpc';
import { ProgressBar } from '../dashboard/progress-bar';
import { STAGE_STATE_LABEL } from '../portfolio/stage-cell';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';

type Stage = RouterOutputs['dashboard']['stage']['stage'];

/** The stage's title, how far along it is, and (for editors) "Log a lesson". */
export function StageHeader({
  stage,
  base,
  onLogLesson,
}: {
  stage: Stage;
  /** The project's path: "Overview" goes back there. */
  base: string;
  onLogLesson: (() => void) | undefined;
}) {
  return (
    <div>
      <Link
        href={base}
        className="mb-1 inline-flex items-center gap-1 text-sm text-muted-foreground hover:underline"
      >
        <ArrowLeftIcon className="size-3.5" aria-hidden="true" /> Overview
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h2 className="text-xl font-semibold break-words" data-testid="stage-heading">
            {stage.title}
            {stage.isCurrent ? (
              <Badge className="ml-2 align-middle" variant="default">
                Current stage
              </Badge>
            ) : null}
          </h2>
          <p className="text-sm text-muted-foreground" data-testid="stage-summary">
            {formatNumber(stage.done)} of {formatNumber(stage.applicable)} applicable items done ·{' '}
            {formatPercent(stage.percentDone)} · {STAGE_STATE_LABEL[stage.state]}
            {stage.overdue > 0 ? ` · ${formatNumber(stage.overdue)} overdue` : ''}
          </p>
        </div>
        {onLogLesson ? (
          <Button variant="outline" onClick={onLogLesson}>
            <LightbulbIcon /> Log a lesson
          </Button>
        ) : null}
      </div>
      <ProgressBar percent={stage.percentDone} state={stage.state} className="mt-2 h-2.5" />
    </div>
  );
}
