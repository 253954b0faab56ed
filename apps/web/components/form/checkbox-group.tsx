import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { cn } from '../../lib/utils';
import type { Choice } from './select-field';

/**
 * A validated form's set of checkboxes for one array field (scopes, events):
 * a fieldset named by `legend`, a checkbox per choice registered under the
 * same name (react-hook-form then reads the checked values as an array), and
 * the field's error line.
 */
export function CheckboxGroup({
  legend,
  hint,
  choices,
  registration,
  error,
  className,
  listClassName,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  choices: readonly (Choice & { help?: ReactNode })[];
  /** `form.register('scopes')`. */
  registration: UseFormRegisterReturn;
  error: string | undefined;
  className?: string;
  /** The choices' layout, e.g. "sm:grid-cols-2". */
  listClassName?: string;
}) {
  const errorId = `${registration.name}-group-error`;
  return (
    <fieldset
      className={cn('grid gap-1.5', className)}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="mb-1.5 text-sm font-medium leading-none">{legend}</legend>
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      <div className={cn('grid gap-1.5', listClassName)}>
        {choices.map((choice) => (
          <label key={choice.value} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 size-4 shrink-0 accent-primary"
              value={choice.value}
              {...registration}
            />
            <span>
              {choice.label}
              {choice.help ? (
                <span className="block text-xs text-muted-foreground">{choice.help}</span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
      <p
        id={errorId}
        role={error ? 'alert' : undefined}
        className="min-h-4 text-xs text-destructive"
      >
        {error ? error.charAt(0).toUpperCase() + error.slice(1) : null}
      </p>
    </fieldset>
  );
}
