import Link from 'next/link';
import type { RouterOutputs } from '../../lib/trpc';
import { cn } from '../../lib/utils';
import { RelativeTime } from '../common/relative-time';

export type InboxNotification = RouterOutputs['notification']['list']['items'][number];

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')
  ).toUpperCase();
}

/** The sentence with the item's title (in its quotes) set apart. */
function Sentence({ text, title }: { text: string; title: string | undefined }) {
  const quoted = title ? `“${title}”` : null;
  const at = quoted ? text.indexOf(quoted) : -1;
  if (!quoted || at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span className="font-medium text-foreground">{quoted}</span>
      {text.slice(at + quoted.length)}
    </>
  );
}

/** One notification: who, what happened, when, whether read; a link straight to it. */
export function InboxEntry({ entry, onOpen }: { entry: InboxNotification; onOpen: () => void }) {
  const unread = entry.readAt === null;
  return (
    <li data-testid="inbox-entry" data-unread={unread || undefined}>
      <Link
        href={entry.url}
        onClick={onOpen}
        className={cn(
          'flex gap-2.5 rounded-md px-2 py-2 text-sm hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring',
          unread ? 'bg-primary/5' : '',
        )}
      >
        <span
          aria-hidden="true"
          title={entry.actor?.name}
          className="grid size-7 shrink-0 place-items-center rounded-full bg-secondary text-[11px] font-semibold"
        >
          {entry.actor ? initials(entry.actor.name) || '?' : '•'}
        </span>
        <span className="min-w-0 flex-1">
          <span
            className={cn(
              'block break-words',
              unread ? 'text-foreground' : 'text-muted-foreground',
            )}
          >
            {unread ? <span className="sr-only">Unread: </span> : null}
            <Sentence text={entry.text} title={entry.item?.title} />
          </span>
          <RelativeTime at={entry.createdAt} className="text-xs text-muted-foreground" />
        </span>
        {unread ? (
          <span aria-hidden="true" className="mt-2 size-2 shrink-0 rounded-full bg-primary" />
        ) : null}
      </Link>
    </li>
  );
}
