'use client';
import { useQuery } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { SearchField } from '../form/search-field';
import { SelectField, type Choice } from '../form/select-field';
import { useWorkspace } from '../workspace/workspace-context';

export interface LessonFilterValues {
  q: string;
  projectId: string;
  stageKey: string;
  tag: string;
}

type Stage = RouterOutputs['dashboard']['workspace']['stages'][number];

/** The search box and the project, stage and tag filters of the lessons page. */
export function LessonFilters({
  value,
  onChange,
  stages,
}: {
  value: LessonFilterValues;
  onChange: (change: Partial<LessonFilterValues>) => void;
  stages: readonly Stage[];
}) {
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const projects = useQuery(
    trpc.project.list.queryOptions({ workspaceId: workspace.id, limit: 100 }),
  );
  const tags = useQuery(trpc.lesson.tags.queryOptions({ workspaceId: workspace.id }));
  const filters: Array<{
    key: Exclude<keyof LessonFilterValues, 'q'>;
    id: string;
    label: string;
    empty: string;
    choices: Choice[];
  }> = [
    {
      key: 'projectId',
      id: 'lesson-project',
      label: 'Project',
      empty: 'All projects',
      choices: (projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
    },
    {
      key: 'stageKey',
      id: 'lesson-stage',
      label: 'Stage',
      empty: 'All stages',
      choices: stages.map((s) => ({ value: s.key, label: s.title })),
    },
    {
      key: 'tag',
      id: 'lesson-tag',
      label: 'Tag',
      empty: 'All tags',
      choices: (tags.data ?? []).map((t) => ({ value: t.tag, label: `${t.tag} (${t.count})` })),
    },
  ];
  return (
    <div
      className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_repeat(3,minmax(0,12rem))]"
      role="search"
    >
      <SearchField
        id="lesson-search"
        label="Search lessons"
        placeholder='Words, "a phrase", -exclude'
        value={value.q}
        onChange={(event) => onChange({ q: event.target.value })}
      />
      {filters.map(({ key, ...filter }) => (
        <SelectField
          key={key}
          {...filter}
          value={value[key]}
          onChange={(event) => onChange({ [key]: event.target.value })}
        />
      ))}
    </div>
  );
}
