'use client';
import type { LucideIcon } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from '../../lib/utils';

/**
 * A titled card of the project dashboard, with an optional link or button on
 * the right. `link` is the usual action ("All lessons"); while `empty` is set
 * it shows that line instead of the panel's content.
 */
export function Panel({
  title,
  icon,
  action,
  link,
  empty,
  children,
  className,
  testId,
}: {
  title: string;
  icon?: ReactNode;
  action?: ReactNode;
  link?: { href: string; label: string };
  /** "No lessons logged yet.": shown, muted, in place of `children`. */
  empty?: ReactNode;
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
        {link ? (
          <Link href={link.href} className="text-sm text-primary hover:underline">
            {link.label}
          </Link>
        ) : (
          action
        )}
      </div>
      {empty ? <p className="text-sm text-muted-foreground">{empty}</p> : children}
    </section>
  );
}

/**
 * One entry of a panel's list: an icon, a linked title and a muted line
 * under it ("Sam · 3 days ago").
 */
export function LinkRow({
  icon: Icon,
  href,
  title,
  meta,
  className,
  linkClassName,
}: {
  icon: LucideIcon;
  href: string;
  title: string;
  meta: ReactNode;
  className: string;
  linkClassName: string;
}) {
  return (
    <li className={className}>
      <Icon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
      <div className="min-w-0 flex-1">
        <Link href={href} className={linkClassName}>
          {title}
        </Link>
        <p className="text-xs text-muted-foreground">{meta}</p>
      </div>
    </li>
  );
}
