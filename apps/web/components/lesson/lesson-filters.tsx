'use client';
import { useQuery } from '@tanstack/react-query';
import { SearchIcon } from 'lucide-react';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { Input, NativeSelect } from '../ui/input';
import { Label } from '../ui/label';
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
  const { q, projectId, stageKey, tag } = value;
  return (
    <div
      className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_repeat(3,minmax(0,12rem))]"
      role="search"
    >
      <div className="grid gap-1.5">
        <Label htmlFor="lesson-search">Search lessons</Label>
        <div className="relative">
          <SearchIcon
            aria-hidden="true"
            className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            id="lesson-search"
            type="search"
            className="pl-8"
            placeholder='Words, "a phrase", -exclude'
            value={q}
            onChange={(event) => onChange({ q: event.target.value })}
          />
        </div>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="lesson-project">Project</Label>
        <NativeSelect
          id="lesson-project"
          value={projectId}
          onChange={(e) => onChange({ projectId: e.target.value })}
        >
          <option value="">All projects</option>
          {projects.data?.items.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="lesson-stage">Stage</Label>
        <NativeSelect
          id="lesson-stage"
          value={stageKey}
          onChange={(e) => onChange({ stageKey: e.target.value })}
        >
          <option value="">All stages</option>
          {stages.map((s) => (
            <option key={s.key} value={s.key}>
              {s.title}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="lesson-tag">Tag</Label>
        <NativeSelect
          id="lesson-tag"
          value={tag}
          onChange={(e) => onChange({ tag: e.target.value })}
        >
          <option value="">All tags</option>
          {tags.data?.map((t) => (
            <option key={t.tag} value={t.tag}>
              {t.tag} ({t.count})
            </option>
          ))}
        </NativeSelect>
      </div>
    </div>
  );
}
