'use client';
import { useEffect, useRef, useState, type ComponentProps, type KeyboardEvent } from 'react';
import { dateInputError } from '../../lib/date-input';
import { Input } from './input';

type InputProps = Omit<ComponentProps<'input'>, 'type' | 'value' | 'defaultValue' | 'onChange'>;

/** How long a typed, complete and valid date waits for more keys before it is saved. */
const IDLE_SAVE_MS = 1_200;

/**
 * A date field that saves by itself, but only a whole, valid date, and once.
 * While a date is typed the browser reports every intermediate value (the year
 * 2026 passes through 0002, 0020 and 0202), so typed dates are saved when the
 * field is left, on Enter, or once a valid date has stood still for a moment;
 * a date picked from the calendar is saved at once. An invalid value shows an
 * error under the field and is not saved; Escape puts the saved value back.
 */
export function DateInput({
  id,
  value,
  onCommit,
  ...props
}: InputProps & {
  id: string;
  /** The saved date, `YYYY-MM-DD`, or null. */
  value: string | null;
  /** Called with a new, valid date (or null when cleared); never with the saved value. */
  onCommit: (value: string | null) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(value ?? '');
  const [error, setError] = useState<string | null>(null);
  /** Keys went down since the last save: the value is being typed, not picked. */
  const typing = useRef(false);
  const idleTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // The latest props, for a save that runs from the idle timer.
  const latest = useRef({ value, onCommit });
  latest.current = { value, onCommit };

  // Someone else's change (or a rollback) shows, unless this field is being edited.
  useEffect(() => {
    if (ref.current && document.activeElement === ref.current) return;
    setDraft(value ?? '');
    setError(null);
  }, [value]);
  useEffect(() => () => clearTimeout(idleTimer.current), []);

  const commit = () => {
    clearTimeout(idleTimer.current);
    const input = ref.current;
    if (!input) return;
    const problem = dateInputError(input.value, input.validity.badInput);
    setError(problem);
    if (problem) return; // Checked again on the next Enter, or when the field is left.
    typing.current = false;
    const next = input.value || null;
    if (next !== latest.current.value) latest.current.onCommit(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      clearTimeout(idleTimer.current);
      typing.current = false;
      setDraft(value ?? '');
      setError(null);
    } else if (event.key !== 'Tab' && event.key !== 'Shift') {
      typing.current = true;
      clearTimeout(idleTimer.current);
    }
  };

  const errorId = `${id}-error`;
  return (
    <>
      <Input
        {...props}
        ref={ref}
        id={id}
        type="date"
        min="1900-01-01"
        max="9999-12-31"
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          const input = event.target;
          setDraft(input.value);
          if (error) setError(null);
          if (!typing.current) commit();
          else if (input.value && !dateInputError(input.value, input.validity.badInput)) {
            idleTimer.current = setTimeout(commit, IDLE_SAVE_MS);
          }
        }}
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          props.onBlur?.(event);
          if (typing.current) commit();
          // Nothing typed since the last save: show the saved value (after a rollback, say).
          else setDraft(value ?? '');
        }}
      />
      {error ? (
        <p id={errorId} role="alert" className="text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </>
  );
}
