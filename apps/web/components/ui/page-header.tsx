import Link from 'next/link';
import type { ReactNode } from 'react';

/** "← All templates": the way back to the list a sub-page belongs to. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="text-sm text-muted-foreground hover:underline">
      ← {children}
    </Link>
  );
}

/** A sub-page's top: the way back, its title and an optional line under it. */
export function SubpageHeader({
  back,
  title,
  children,
}: {
  back: { href: string; label: string };
  title: string;
  children?: ReactNode;
}) {
  return (
    <div>
      <BackLink href={back.href}>{back.label}</BackLink>
      <h2 className="mt-1 text-lg font-semibold">{title}</h2>
      {children ? <p className="text-sm text-muted-foreground">{children}</p> : null}
    </div>
  );
}

/**
 * A section's heading row: the title (its `id` labels the section), a line
 * under it, and the section's actions on the right.
 */
export function SectionHeader({
  id,
  title,
  description,
  actions,
}: {
  id: string;
  title: string;
  description: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      {actions}
    </div>
  );
}
