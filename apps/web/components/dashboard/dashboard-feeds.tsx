'use client';
import { LightbulbIcon } from 'lucide-react';
import Link from 'next/link';
import { describeAction } from '../../lib/activity';
import { formatRelative } from '../../lib/format';
import type { RouterOutputs } from '../../lib/trpc';
import { Panel } from './panel';

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
      action={
        <Link
          href={`/w/${slug}/lessons?project=${projectId}`}
          className="text-sm text-primary hover:underline"
        >
          All lessons
        </Link>
      }
    >
      {lessons.length === 0 ? (
        <p className="text-sm text-muted-foreground">No lessons logged yet.</p>
      ) : (
        <ul className="divide-y" data-testid="dashboard-lessons">
          {lessons.slice(0, 5).map((lesson) => (
            <li key={lesson.id} className="flex gap-2 py-2 text-sm">
              <LightbulbIcon
                className="mt-0.5 size-4 shrink-0 text-muted-foreground"
                aria-hidden="true"
              />
              <div className="min-w-0">
                <Link
                  href={`/w/${slug}/lessons?lesson=${lesson.id}`}
                  className="font-medium break-words hover:underline"
                >
                  {lesson.title}
                </Link>
                <p className="text-xs text-muted-foreground">
                  {lesson.author?.name ?? 'Someone'} · {formatRelative(lesson.createdAt)}
                  {lesson.tags.length ? ` · ${lesson.tags.join(', ')}` : ''}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

/** What happened last in the project. */
export function RecentActivity({
  activity,
  base,
}: {
  activity: Dashboard['activity'];
  base: string;
}) {
  return (
    <Panel
      title="Recent activity"
      action={
        <Link href={`${base}/activity`} className="text-sm text-primary hover:underline">
          All activity
        </Link>
      }
    >
      {activity.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing has happened yet.</p>
      ) : (
        <ul className="space-y-2" data-testid="dashboard-activity">
          {activity.slice(0, 8).map((entry) => (
            <li key={entry.id} className="text-sm">
              <span className="font-medium">{entry.actor?.name ?? 'Someone'}</span>{' '}
              {describeAction(entry.action)}
              <span className="block text-xs text-muted-foreground">
                {formatRelative(entry.at)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
