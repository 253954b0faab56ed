import type { TStageState } from '@shipshape/domain';
import { formatPercent } from '../../lib/format';
import { cn } from '../../lib/utils';
import { ProgressFill, STATE_FILL } from '../dashboard/progress-bar';

export type StageState = TStageState;

export const STAGE_STATE_LABEL: Record<StageState, string> = {
  done: 'Done',
  blocked: 'Blocked',
  'at-risk': 'At risk',
  'in-progress': 'In progress',
  'not-started': 'Not started',
  empty: 'Nothing applicable',
};

export interface StageCellProps {
  /** Stage title, for the accessible name. */
  stageTitle: string;
  /** From `dashboard.workspace` once it exists; undefined shows a placeholder. */
  percentDone?: number | undefined;
  state?: StageState | undefined;
  /** The project's current stage (known today from `project.currentStageKey`). */
  isCurrent?: boolean;
  /** The project's template has no such stage. */
  absent?: boolean;
}

/**
 * One cell of the portfolio grid. Fixed size in every state (placeholder,
 * loading, data), so filling in progress later never moves the table.
 */
export function StageCell({ stageTitle, percentDone, state, isCurrent, absent }: StageCellProps) {
  if (absent) {
    return (
      <div className="flex h-9 items-center justify-center text-xs text-muted-foreground">
        <span aria-hidden="true">·</span>
        <span className="sr-only">{stageTitle}: not in this project&apos;s checklist</span>
      </div>
    );
  }
  const known = percentDone !== undefined;
  const shownState: StageState | undefined = state ?? (isCurrent ? 'in-progress' : undefined);
  const description = [
    shownState ? STAGE_STATE_LABEL[shownState] : null,
    known ? `${formatPercent(percentDone)} done` : 'progress not tracked yet',
    isCurrent ? 'current stage' : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <div
      className="flex h-9 min-w-24 flex-col justify-center gap-1"
      data-stage-state={shownState ?? 'unknown'}
      data-current={isCurrent ? 'true' : undefined}
    >
      <span className="sr-only">
        {stageTitle}: {description}
      </span>
      <div
        aria-hidden="true"
        className={cn(
          'relative h-2 w-full overflow-hidden rounded-full',
          known ? 'bg-muted' : 'border border-dashed border-input bg-transparent',
          isCurrent && 'ring-2 ring-stage-in-progress/40 ring-offset-1',
        )}
      >
        {known ? (
          <ProgressFill percent={percentDone} state={shownState ?? 'not-started'} />
        ) : isCurrent ? (
          <div className="h-full w-1/3 rounded-full bg-stage-in-progress/60" />
        ) : null}
      </div>
      <div
        aria-hidden="true"
        className="flex items-center justify-between text-[11px] leading-none text-muted-foreground"
      >
        <span className="tabular-nums">{known ? formatPercent(percentDone) : '—'}</span>
        {isCurrent ? <span className="font-medium text-stage-in-progress">Current</span> : null}
      </div>
    </div>
  );
}

export function StageLegend() {
  const states: StageState[] = ['done', 'in-progress', 'at-risk', 'blocked', 'not-started'];
  return (
    <ul
      className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground"
      aria-label="Legend"
    >
      {states.map((state) => (
        <li key={state} className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className={cn('size-2.5 rounded-full', STATE_FILL[state])} />
          {STAGE_STATE_LABEL[state]}
        </li>
      ))}
    </ul>
  );
}
