'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '../../lib/utils';

export interface NavTab {
  href: string;
  label: string;
  /** Active also on sub-paths (default), or only on the exact path. */
  exact?: boolean;
  /** Other path prefixes under which this tab is the active one. */
  alsoUnder?: string[];
}

/** Tabs as links (each one is a page); scrolls sideways on narrow screens. */
export function TabNav({
  tabs,
  label,
  className,
}: {
  tabs: NavTab[];
  label: string;
  className?: string;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className={cn('-mb-px overflow-x-auto', className)}>
      <ul className="flex min-w-max gap-1">
        {tabs.map((tab) => {
          const active =
            (tab.exact
              ? pathname === tab.href
              : pathname === tab.href || pathname.startsWith(`${tab.href}/`)) ||
            (tab.alsoUnder ?? []).some((prefix) => pathname.startsWith(prefix));
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'inline-flex h-10 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors',
                  active
                    ? 'border-primary text-foreground'
                    : 'border-transparent text-muted-foreground hover:text-foreground',
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
