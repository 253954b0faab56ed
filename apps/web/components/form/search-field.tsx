import { SearchIcon } from 'lucide-react';
import type { ComponentProps, ReactNode } from 'react';
import { Field } from '../ui/form-field';
import { Input } from '../ui/input';

/** A labelled search box with a magnifier inside it, for a `role="search"` filter bar. */
export function SearchField({
  id,
  label,
  className,
  ...input
}: Omit<ComponentProps<'input'>, 'id' | 'type'> & { id: string; label: ReactNode }) {
  return (
    <Field label={label} htmlFor={id} className={className}>
      <div className="relative">
        <SearchIcon
          aria-hidden="true"
          className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
        />
        <Input id={id} type="search" className="pl-8" {...input} />
      </div>
    </Field>
  );
}
