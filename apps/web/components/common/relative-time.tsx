import { formatDateTime, formatRelative, type DateInput } from '../../lib/format';

/** "3 days ago", with the exact date and time on hover and in the markup. */
export function RelativeTime({ at, className }: { at: DateInput; className?: string }) {
  return (
    <time className={className} dateTime={String(at)} title={formatDateTime(at)}>
      {formatRelative(at)}
    </time>
  );
}
