'use client';
import type { RouterOutputs } from '../../lib/trpc';
import { ActivitySentence } from '../activity/activity-sentence';
import { useActivityNames } from '../activity/use-activity-names';
import { RelativeTime } from '../common/relative-time';
import { useWorkspace } from '../workspace/workspace-context';
import { Panel } from './panel';

type Dashboard = RouterOutputs['dashboard']['project'];

/** What happened last in the project, in the activity feed's sentences. */
export function RecentActivity({
  activity,
  stages,
  base,
}: {
  activity: Dashboard['activity'];
  stages: Dashboard['stages'];
  base: string;
}) {
  const { workspace } = useWorkspace();
  const names = useActivityNames(workspace.id, stages, true);
  return (
    <Panel
      title="Recent activity"
      link={{ href: `${base}/activity`, label: 'All activity' }}
      empty={activity.length === 0 ? 'Nothing has happened yet.' : null}
    >
      <ul className="space-y-2" data-testid="dashboard-activity">
        {activity.slice(0, 8).map((entry) => (
          <li key={entry.id} className="text-sm">
            <ActivitySentence entry={entry} names={names} />
            <RelativeTime at={entry.at} className="block text-xs text-muted-foreground" />
          </li>
        ))}
      </ul>
    </Panel>
  );
}
