'use client';
import { LightbulbIcon } from 'lucide-react';
import { formatRelative } from '../../lib/format';
import type { RouterOutputs } from '../../lib/trpc';
import { ActivitySentence } from '../activity/activity-sentence';
import { useActivityNames } from '../activity/use-activity-names';
import { RelativeTime } from '../common/relative-time';
import { useWorkspace } from '../workspace/workspace-context';
import { LinkRow, Panel } from './panel';

type Dashboard = RouterOutputs['dashboard']['project'];

/** The project's latest lessons, linking to the workspace's lessons page. */
export function LatestLessons({
  lessons,
  slug,
  projectId,
}: {
  lessons: Dashboard['lessons'];
  slug: string;
  projectId: string;
}) {
  return (
    <Panel
      title="Latest lessons"
      link={{ href: `/w/${slug}/lessons?project=${projectId}`, label: 'All lessons' }}
      empty={lessons.length === 0 ? 'No lessons logged yet.' : null}
    >
      <ul className="divide-y" data-testid="dashboard-lessons">
        {lessons.slice(0, 5).map((lesson) => (
          <LinkRow
            key={lesson.id}
            icon={LightbulbIcon}
            href={`/w/${slug}/lessons?lesson=${lesson.id}`}
            title={lesson.title}
            meta={`${lesson.author?.name ?? 'Someone'} · ${formatRelative(lesson.createdAt)}${
              lesson.tags.length ? ` · ${lesson.tags.join(', ')}` : ''
            }`}
            className="flex gap-2 py-2 text-sm"
            linkClassName="font-medium break-words hover:underline"
          />
        ))}
      </ul>
    </Panel>
  );
}

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
