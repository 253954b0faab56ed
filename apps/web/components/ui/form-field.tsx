'use client';
import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';
import { cn } from '../../lib/utils';
import { Label } from './label';

/**
 * A label, a control, an optional hint and an error line. The control gets
 * `id`, `aria-invalid` and `aria-describedby`; the error space is reserved so
 * a message appearing does not push the form down.
 */
export function FormField({
  label,
  hint,
  error,
  children,
  className,
  reserveErrorSpace = true,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactElement<Record<string, unknown>>;
  className?: string;
  reserveErrorSpace?: boolean;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={cn('grid gap-1.5', className)}>
      <Label htmlFor={id}>{label}</Label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint ? (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <p
        id={errorId}
        role={error ? 'alert' : undefined}
        className={cn(
          'text-xs text-destructive',
          reserveErrorSpace ? 'min-h-4' : error ? '' : 'hidden',
        )}
      >
        {error ? error.charAt(0).toUpperCase() + error.slice(1) : null}
      </p>
    </div>
  );
}

/**
 * A label over a control that is not part of a form (a filter, a picker):
 * no hint or error line; the control carries the `id` that `htmlFor` names.
 */
export function Field({
  label,
  htmlFor,
  className,
  children,
}: {
  label: ReactNode;
  htmlFor: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn('grid gap-1.5', className)}>
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
    </div>
  );
}
