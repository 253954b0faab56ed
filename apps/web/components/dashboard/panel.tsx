'use client';
import type { ReactNode } from 'react';
import { cn } from '../../lib/utils';

/** A titled card of the project dashboard, with an optional link or button on the right. */
export function Panel({
  title,
  icon,
  action,
  children,
  className,
  testId,
}: {
  title: string;
  icon?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <section
      className={cn('min-w-0 rounded-xl border bg-card p-4', className)}
      aria-label={title}
      data-testid={testId}
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 className="flex items-center gap-2 text-base font-semibold [&_svg]:size-4 [&_svg]:text-muted-foreground">
          {icon}
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}
