'use client';
import type { TTemplateDiff } from '@shipshape/domain';
import { useQuery } from '@tanstack/react-query';
import { ArrowRightIcon } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useEffect, type ReactNode } from 'react';
import { SelectField } from '../../../../../../components/form/select-field';
import { Badge } from '../../../../../../components/ui/badge';
import { SubpageHeader } from '../../../../../../components/ui/page-header';
import { QueryError, QueryState } from '../../../../../../components/ui/query-state';
import { Skeleton } from '../../../../../../components/ui/skeleton';
import { useWorkspace } from '../../../../../../components/workspace/workspace-context';
import { formatNumber } from '../../../../../../lib/format';
import { templateLabel } from '../../../../../../lib/labels';
import { useTRPC, type RouterOutputs } from '../../../../../../lib/trpc';

type Ref = { key: string; title: string };
/** One line of the diff: a stage or item, keyed by its key in the older version. */
type Entry = { key: string; line: ReactNode };
/** Added, Removed, Renamed…: a disclosure of lines with their count. */
type Group = { title: string; entries: Entry[] };

function GroupDetails({ title, entries }: Group) {
  const count = entries.length;
  return (
    <details className="rounded-lg border bg-card" open={count > 0 && count <= 30}>
      <summary className="flex cursor-pointer items-center justify-between gap-2 px-3 py-2 text-sm font-medium">
        {title}
        <Badge variant={count > 0 ? 'default' : 'secondary'}>{formatNumber(count)}</Badge>
      </summary>
      <div className="max-h-80 overflow-y-auto border-t px-3 py-2 text-sm">
        {count === 0 ? (
          <p className="text-muted-foreground">None.</p>
        ) : (
          <ul className="space-y-1">
            {entries.map((entry) => (
              <li key={entry.key}>{entry.line}</li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}

function Section({ id, title, groups }: { id: string; title: string; groups: Group[] }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h3 id={id} className="font-semibold">
        {title}
      </h3>
      <div className="grid gap-2 md:grid-cols-2">
        {groups.map((group) => (
          <GroupDetails key={group.title} {...group} />
        ))}
      </div>
    </section>
  );
}

const listed = (title: string, refs: Ref[]): Group => ({
  title,
  entries: refs.map((ref) => ({ key: ref.key, line: ref.title })),
});

/** A group of matched pairs, one line each, keyed by the older version's key. */
function paired<T extends { from: Ref }>(
  title: string,
  pairs: T[],
  line: (pair: T) => ReactNode,
): Group {
  return { title, entries: pairs.map((pair) => ({ key: pair.from.key, line: line(pair) })) };
}

/** Added, removed and renamed: listed the same way for stages and for items. */
const alike = (diff: { added: Ref[]; removed: Ref[]; renamed: Array<{ from: Ref; to: Ref }> }) => [
  listed('Added', diff.added),
  listed('Removed', diff.removed),
  paired('Renamed', diff.renamed, (r) => `${r.from.title} → ${r.to.title}`),
];

/** The new title, then a muted note in brackets. */
function Noted({ title, note }: { title: string; note: string }) {
  return (
    <>
      {title}
      <span className="text-muted-foreground"> ({note})</span>
    </>
  );
}

function DiffView({ diff }: { diff: TTemplateDiff }) {
  const { stages, items } = diff;
  return (
    <div className="grid gap-4" data-testid="template-diff">
      <Section
        id="diff-stages"
        title="Stages"
        groups={[
          ...alike(stages),
          paired('Moved', stages.moved, (m) => {
            return `${m.to.title}: position ${m.fromIndex + 1} → ${m.toIndex + 1}`;
          }),
        ]}
      />
      <Section
        id="diff-items"
        title="Items"
        groups={[
          ...alike(items),
          paired('Moved', items.moved, (m) => (
            <Noted title={m.to.title} note={`${m.from.stageKey} → ${m.to.stageKey}`} />
          )),
          paired('Changed', items.changed, (c) => (
            <Noted title={c.to.title} note={c.fields.join(', ')} />
          )),
        ]}
      />
    </div>
  );
}

const END_LABEL = { from: 'From', to: 'To' };

function VersionSelect({
  end,
  value,
  onChoose,
  templates,
}: {
  end: 'from' | 'to';
  value: string;
  onChoose: (end: 'from' | 'to', templateId: string) => void;
  templates: RouterOutputs['template']['list'] | undefined;
}) {
  return (
    <SelectField
      id={`diff-${end}`}
      label={END_LABEL[end]}
      className="flex-1"
      empty="Choose a version…"
      choices={templates?.map((t) => ({ value: t.id, label: templateLabel(t) })) ?? []}
      value={value}
      onChange={(e) => onChoose(end, e.target.value)}
    />
  );
}

function DiffPicker() {
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const templates = useQuery(trpc.template.list.queryOptions({ workspaceId: workspace.id }));
  const from = searchParams.get('from') ?? '';
  const to = searchParams.get('to') ?? '';

  // Default to the two newest versions of the same checklist.
  useEffect(() => {
    if (from || to || !templates.data || templates.data.length < 2) return;
    const first = templates.data[0];
    const sameName = templates.data.filter((t) => t.name === first?.name);
    const pair = sameName.length >= 2 ? sameName.slice(-2) : templates.data.slice(0, 2);
    if (pair[0] && pair[1]) {
      router.replace(`${pathname}?from=${pair[0].id}&to=${pair[1].id}`);
    }
  }, [from, to, templates.data, router, pathname]);

  const diff = useQuery({
    ...trpc.template.diff.queryOptions({
      workspaceId: workspace.id,
      fromTemplateId: from,
      toTemplateId: to,
    }),
    enabled: Boolean(from && to && from !== to),
    staleTime: Infinity,
  });
  const choose = (key: 'from' | 'to', value: string) => {
    const params = new URLSearchParams(searchParams.toString());
    params.set(key, value);
    router.replace(`${pathname}?${params.toString()}`);
  };

  const comparing = Boolean(from && to && from !== to);
  const picker = { onChoose: choose, templates: templates.data };

  return (
    <div className="space-y-4">
      {templates.error ? <QueryError what="Templates" query={templates} /> : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <VersionSelect end="from" value={from} {...picker} />
        <ArrowRightIcon
          className="mb-2.5 hidden size-4 text-muted-foreground sm:block"
          aria-hidden="true"
        />
        <VersionSelect end="to" value={to} {...picker} />
      </div>
      {from && to && from === to ? (
        <p className="text-sm text-muted-foreground">Pick two different versions to compare.</p>
      ) : null}
      {comparing ? (
        <QueryState
          query={diff}
          what="The comparison"
          label="Comparing…"
          fallback={<Skeleton className="h-48 w-full" />}
        >
          {(data) => <DiffView diff={data} />}
        </QueryState>
      ) : null}
    </div>
  );
}

export default function TemplateDiffPage() {
  const { workspace } = useWorkspace();
  return (
    <div className="space-y-4">
      <SubpageHeader
        back={{ href: `/w/${workspace.slug}/settings/templates`, label: 'All templates' }}
        title="Compare two versions"
      />
      <Suspense>
        <DiffPicker />
      </Suspense>
    </div>
  );
}
