'use client';
import { useEffect, useId, useRef, useState, type ComponentProps } from 'react';
import { insertMention, matchMembers, mentionQuery } from '../../lib/mentions';
import { cn } from '../../lib/utils';
import { Textarea } from '../ui/input';

/** Someone who can be mentioned: a workspace member. */
export interface MentionCandidate {
  id: string;
  name: string;
  email: string;
}

type Typed = { start: number; query: string };

/**
 * A text box where typing `@` offers `members` in a list under it: arrows move,
 * Enter or Tab (or a click) inserts the mention token, Esc closes the list and
 * leaves the text as typed. `onInsert` gets the whole new text (a form sets
 * its field with it). Other props go to the textarea (react-hook-form's
 * `register` included).
 */
export function MentionTextarea({
  members,
  onInsert,
  ref,
  className,
  onKeyDown,
  onChange,
  ...props
}: ComponentProps<'textarea'> & {
  members: readonly MentionCandidate[];
  onInsert: (text: string) => void;
}) {
  const listId = useId();
  const box = useRef<HTMLTextAreaElement | null>(null);
  const [typed, setTyped] = useState<Typed | null>(null);
  const [active, setActive] = useState(0);
  const options = typed ? matchMembers(members, typed.query) : [];
  const open = options.length > 0;
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));

  const follow = (element: HTMLTextAreaElement) => {
    const next = mentionQuery(element.value, element.selectionStart);
    setTyped((current) =>
      current?.start === next?.start && current?.query === next?.query ? current : next,
    );
    if (next?.start !== typed?.start) setActive(0);
  };
  const choose = (person: MentionCandidate) => {
    const element = box.current;
    if (!element || !typed) return;
    const result = insertMention(element.value, typed.start, element.selectionStart, person);
    onInsert(result.text);
    setTyped(null);
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(result.caret, result.caret);
    });
  };

  // Esc closes the list, not the sheet or dialog around the box: this runs
  // before their listeners (window capture) and marks the key as handled.
  useEffect(() => {
    if (!open) return;
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.target !== box.current) return;
      event.preventDefault();
      event.stopPropagation();
      setTyped(null);
    };
    window.addEventListener('keydown', onEscape, { capture: true });
    return () => window.removeEventListener('keydown', onEscape, { capture: true });
  }, [open]);

  return (
    <div className="relative">
      <Textarea
        {...props}
        ref={(element) => {
          box.current = element;
          if (typeof ref === 'function') return ref(element);
          if (ref) ref.current = element;
        }}
        className={className}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${activeIndex}` : undefined}
        onChange={(event) => {
          onChange?.(event);
          follow(event.currentTarget);
        }}
        onSelect={(event) => follow(event.currentTarget)}
        onBlur={(event) => {
          props.onBlur?.(event);
          setTyped(null);
        }}
        onKeyDown={(event) => {
          if (open) {
            const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
            if (step !== undefined) {
              event.preventDefault();
              setActive((activeIndex + step + options.length) % options.length);
              return;
            }
            if (event.key === 'Enter' || event.key === 'Tab') {
              event.preventDefault();
              choose(options[activeIndex]!);
              return;
            }
          }
          onKeyDown?.(event);
        }}
      />
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="Mention a member"
          className="absolute inset-x-0 top-full z-50 mt-1 max-h-56 overflow-y-auto rounded-md border bg-popover p-1 text-sm shadow-md"
        >
          {options.map((person, index) => (
            <li
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className={cn(
                'flex cursor-pointer items-baseline gap-2 rounded px-2 py-1.5',
                index === activeIndex ? 'bg-accent text-accent-foreground' : '',
              )}
              // Keeps the focus (and the caret) in the text box.
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(person)}
            >
              <span className="font-medium">{person.name}</span>
              <span className="truncate text-xs text-muted-foreground">{person.email}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <span role="status" aria-live="polite" className="sr-only">
        {open
          ? `${options.length} ${options.length === 1 ? 'member matches' : 'members match'}`
          : ''}
      </span>
    </div>
  );
}
