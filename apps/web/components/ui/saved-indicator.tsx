'use client';
import { CheckIcon } from 'lucide-react';
import { useEffect, useState } from 'react';
import { cn } from '../../lib/utils';

/**
 * A brief "Saved" after a change was stored. The live region stays mounted
 * (screen readers announce changes to a region they already know), and the
 * word shows for a few seconds each time `signal` changes to a new value.
 */
export function SavedIndicator({
  signal,
  className,
  label = 'Saved',
  ...props
}: {
  /** A new value (e.g. a timestamp) each time something was saved; null before. */
  signal: number | null;
  className?: string;
  label?: string;
} & Omit<React.ComponentProps<'span'>, 'children'>) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (signal === null) {
      setShown(false);
      return;
    }
    setShown(true);
    const timer = setTimeout(() => setShown(false), 2500);
    return () => clearTimeout(timer);
  }, [signal]);
  return (
    <span
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className={cn(
        'inline-flex items-center gap-1 text-xs font-medium text-foreground transition-opacity',
        shown ? 'opacity-100' : 'pointer-events-none opacity-0',
        className,
      )}
      {...props}
    >
      {shown ? (
        <>
          <CheckIcon className="size-3.5 text-success" aria-hidden="true" />
          {label}
        </>
      ) : null}
    </span>
  );
}
