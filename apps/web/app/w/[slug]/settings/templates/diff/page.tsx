'use client';
import type { TTemplateDiff } from '@shipshape/domain';
import { useQuery } from '@tanstack/react-query';
import { ArrowRightIcon } from 'lucide-react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useEffect, type ReactNode } from 'react';
import { Badge } from '../../../../../../components/ui/badge';
import { Label } from '../../../../../../components/ui/label';
import { NativeSelect } from '../../../../../../components/ui/input';
import { ErrorState, QueryState } from '../../../../../../components/ui/query-state';
import { Skeleton } from '../../../../../../components/ui/skeleton';
import { useWorkspace } from '../../../../../../components/workspace/workspace-context';
import { formatNumber } from '../../../../../../lib/format';
import { templateLabel } from '../../../../../../lib/labels';
import { useTRPC } from '../../../../../../lib/trpc';

function Group({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <details className="rounded-lg border bg-card" open={count > 0 && count <= 30}>
      <summary className="flex cursor-pointer items-center justify-between gap-2 px-3 py-2 text-sm font-medium">
        {title}
        <Badge variant={count > 0 ? 'default' : 'secondary'}>{formatNumber(count)}</Badge>
      </summary>
      <div className="max-h-80 overflow-y-auto border-t px-3 py-2 text-sm">
        {count === 0 ? <p className="text-muted-foreground">None.</p> : children}
      </div>
    </details>
  );
}

function DiffView({ diff }: { diff: TTemplateDiff }) {
  const { stages, items } = diff;
  return (
    <div className="grid gap-4" data-testid="template-diff">
      <section aria-labelledby="diff-stages" className="space-y-2">
        <h3 id="diff-stages" className="font-semibold">
          Stages
        </h3>
        <div className="grid gap-2 md:grid-cols-2">
          <Group title="Added" count={stages.added.length}>
            <ul className="space-y-1">
              {stages.added.map((s) => (
                <li key={s.key}>{s.title}</li>
              ))}
            </ul>
          </Group>
          <Group title="Removed" count={stages.removed.length}>
            <ul className="space-y-1">
              {stages.removed.map((s) => (
                <li key={s.key}>{s.title}</li>
              ))}
            </ul>
          </Group>
          <Group title="Renamed" count={stages.renamed.length}>
            <ul className="space-y-1">
              {stages.renamed.map((r) => (
                <li key={r.from.key}>
                  {r.from.title} → {r.to.title}
                </li>
              ))}
            </ul>
          </Group>
          <Group title="Moved" count={stages.moved.length}>
            <ul className="space-y-1">
              {stages.moved.map((m) => (
                <li key={m.from.key}>
                  {m.to.title}: position {m.fromIndex + 1} → {m.toIndex + 1}
                </li>
              ))}
            </ul>
          </Group>
        </div>
      </section>
      <section aria-labelledby="diff-items" className="space-y-2">
        <h3 id="diff-items" className="font-semibold">
          Items
        </h3>
        <div className="grid gap-2 md:grid-cols-2">
          <Group title="Added" count={items.added.length}>
            <ul className="space-y-1">
              {items.added.map((i) => (
                <li key={i.key}>{i.title}</li>
              ))}
            </ul>
          </Group>
          <Group title="Removed" count={items.removed.length}>
            <ul className="space-y-1">
              {items.removed.map((i) => (
                <li key={i.key}>{i.title}</li>
              ))}
            </ul>
          </Group>
          <Group title="Renamed" count={items.renamed.length}>
            <ul className="space-y-1">
              {items.renamed.map((r) => (
                <li key={r.from.key}>
                  {r.from.title} → {r.to.title}
                </li>
              ))}
            </ul>
          </Group>
          <Group title="Moved" count={items.moved.length}>
            <ul className="space-y-1">
              {items.moved.map((m) => (
                <li key={m.from.key}>
                  {m.to.title}
                  <span className="text-muted-foreground">
                    {' '}
                    ({m.from.stageKey} → {m.to.stageKey})
                  </span>
                </li>
              ))}
            </ul>
          </Group>
          <Group title="Changed" count={items.changed.length}>
            <ul className="space-y-1">
              {items.changed.map((c) => (
                <li key={c.from.key}>
                  {c.to.title}
                  <span className="text-muted-foreground"> ({c.fields.join(', ')})</span>
                </li>
              ))}
            </ul>
          </Group>
        </div>
      </section>
    </div>
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

  return (
    <div className="space-y-4">
      {templates.error ? (
        <ErrorState
          what="Templates"
          error={templates.error}
          retrying={templates.isFetching}
          onRetry={() => void templates.refetch()}
        />
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="grid flex-1 gap-1.5">
          <Label htmlFor="diff-from">From</Label>
          <NativeSelect
            id="diff-from"
            value={from}
            onChange={(e) => choose('from', e.target.value)}
          >
            <option value="">Choose a version…</option>
            {templates.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {templateLabel(t)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <ArrowRightIcon
          className="mb-2.5 hidden size-4 text-muted-foreground sm:block"
          aria-hidden="true"
        />
        <div className="grid flex-1 gap-1.5">
          <Label htmlFor="diff-to">To</Label>
          <NativeSelect id="diff-to" value={to} onChange={(e) => choose('to', e.target.value)}>
            <option value="">Choose a version…</option>
            {templates.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {templateLabel(t)}
              </option>
            ))}
          </NativeSelect>
        </div>
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
      <div>
        <Link
          href={`/w/${workspace.slug}/settings/templates`}
          className="text-sm text-muted-foreground hover:underline"
        >
          ← All templates
        </Link>
        <h2 className="mt-1 text-lg font-semibold">Compare two versions</h2>
      </div>
      <Suspense>
        <DiffPicker />
      </Suspense>
    </div>
  );
}
