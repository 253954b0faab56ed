'use client';
import { LightbulbIcon } from 'lucide-react';
import { formatRelative } from '../../lib/format';
import type { RouterOutputs } from '../../lib/trpc';
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
