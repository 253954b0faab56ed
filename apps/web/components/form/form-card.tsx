import type { FormEvent, ReactNode } from 'react';

/**
 * A form that stands as its own card, named by `title` (read out as the form's
 * name, and shown as its heading unless `hideTitle`). The browser does not
 * validate (the zod schema does); `onSubmit` may be async.
 */
export function FormCard({
  title,
  hideTitle = false,
  onSubmit,
  className,
  children,
}: {
  title: string;
  hideTitle?: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => unknown;
  className: string;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      className={className}
      aria-label={title}
    >
      {hideTitle ? null : <h4 className="text-sm font-medium">{title}</h4>}
      {children}
    </form>
  );
}
