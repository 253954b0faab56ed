import type { TStageState } from '@shipshape/domain';
import { cn } from '../../lib/utils';

export const STATE_FILL: Record<TStageState, string> = {
  done: 'bg-stage-done',
  blocked: 'bg-stage-blocked',
  'at-risk': 'bg-stage-at-risk',
  'in-progress': 'bg-stage-in-progress',
  'not-started': 'bg-stage-not-started',
  empty: 'bg-stage-empty',
};

export function ProgressBar({
  percent,
  state,
  className,
}: {
  percent: number;
  state: TStageState;
  className?: string;
}) {
  return (
    <div
      aria-hidden="true"
      className={cn('h-2 w-full overflow-hidden rounded-full bg-muted', className)}
    >
      <ProgressFill percent={percent} state={state} />
    </div>
  );
}

/** The filled part of a progress bar: `percent` wide (clamped), in its state's colour. */
export function ProgressFill({ percent, state }: { percent: number; state: TStageState }) {
  return (
    <div
      className={cn('h-full rounded-full', STATE_FILL[state])}
      style={{ width: `${Math.max(0, Math.min(100, percent))}%` }}
    />
  );
}
