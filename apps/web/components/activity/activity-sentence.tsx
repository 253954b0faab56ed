import {
  SYSTEM_ACTIONS,
  describeActivity,
  type ActivityLike,
  type ActivityNames,
} from './describe-activity';

/** "Sam set “Define the KPI” to Done": the actor in bold, then what they did (and where). */
export function ActivitySentence({
  entry,
  names,
  where,
}: {
  entry: ActivityLike & { actor?: { name: string } | null };
  names: ActivityNames;
  /** The project it happened in, in a workspace-wide feed. */
  where?: string | null;
}) {
  return (
    <>
      <span className="font-medium">
        {entry.actor?.name ?? (SYSTEM_ACTIONS.has(entry.action) ? 'Shipshape' : 'Someone')}
      </span>{' '}
      {describeActivity(entry, names)}
      {where ? <span className="text-muted-foreground"> in {where}</span> : null}
    </>
  );
}
