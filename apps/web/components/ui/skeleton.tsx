import type { ComponentProps } from 'react';
import { cn } from '../../lib/utils';

export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      aria-hidden="true"
      className={cn('animate-pulse rounded-md bg-muted', className)}
      {...props}
    />
  );
}

/**
 * Announces a loading region to screen readers while skeletons show. New code
 * uses LoadingState (query-state.tsx), which also says when the server is slow.
 */
export function Loading({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}

/** A column of placeholders, one per class list: the rough shape of what is loading. */
export function Skeletons({ shapes }: { shapes: readonly string[] }) {
  return (
    <>
      {shapes.map((shape, index) => (
        <Skeleton key={index} className={shape} />
      ))}
    </>
  );
}
