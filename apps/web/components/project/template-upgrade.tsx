'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowRightIcon, RefreshCwIcon } from 'lucide-react';
import { useState } from 'react';
import { errorInfo } from '../../lib/errors';
import { formatNumber, formatPercent } from '../../lib/format';
import { templateLabel } from '../../lib/labels';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { useRefreshPortfolio } from '../portfolio/use-refresh-portfolio';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../ui/card';
import { ConfirmDialog } from '../ui/dialog';
import { NativeSelect } from '../ui/input';
import { Label } from '../ui/label';
import { ErrorState, QueryState } from '../ui/query-state';
import { Skeleton } from '../ui/skeleton';
import { Spinner } from '../ui/spinner';
import { isProject, type Project } from './project-cache';

function Section({
  title,
  count,
  children,
  open = false,
}: {
  title: string;
  count: number;
  children: React.ReactNode;
  open?: boolean;
}) {
  return (
    <details open={open && count > 0} className="rounded-lg border">
      <summary className="flex cursor-pointer items-center justify-between gap-2 px-3 py-2 text-sm font-medium">
        {title}
        <Badge variant="secondary">{formatNumber(count)}</Badge>
      </summary>
      <div className="max-h-72 overflow-y-auto border-t px-3 py-2 text-sm">
        {count === 0 ? <p className="text-muted-foreground">None.</p> : children}
      </div>
    </details>
  );
}

/** Preview, then apply, a move of the project to another version of its checklist. */
export function TemplateUpgrade({ project, canEdit }: { project: Project; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshPortfolio = useRefreshPortfolio();
  const templates = useQuery(trpc.template.list.queryOptions({ workspaceId: project.workspaceId }));
  const [targetId, setTargetId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const preview = useQuery({
    ...trpc.project.upgradePreview.queryOptions({ projectId: project.id, templateId: targetId }),
    enabled: Boolean(targetId),
  });
  const apply = useMutation(
    trpc.project.upgradeApply.mutationOptions({
      onSuccess: async ({ project: upgraded, summary }) => {
        queryClient.setQueryData(trpc.project.get.queryKey({ projectId: project.id }), upgraded);
        setTargetId('');
        notifySuccess(
          `Moved to ${upgraded.template ? templateLabel(upgraded.template) : 'the new checklist'}`,
          `${formatNumber(summary.matched)} items kept, ${formatNumber(summary.added)} added, ${formatNumber(summary.removed)} removed (${formatNumber(summary.kept)} kept because they had work).`,
        );
        await Promise.all([
          queryClient.invalidateQueries(trpc.project.pathFilter()),
          refreshPortfolio(),
        ]);
      },
      onError: (error) => {
        const info = errorInfo(error);
        if (info.code === 'CONFLICT' && isProject(info.current)) {
          queryClient.setQueryData(
            trpc.project.get.queryKey({ projectId: project.id }),
            info.current,
          );
        }
        notifyFailure('Upgrading the checklist', error);
      },
    }),
  );
  const others = templates.data?.filter((t) => t.id !== project.template?.id) ?? [];
  const uncertain = preview.data?.matched.filter((m) => m.uncertain) ?? [];

  return (
    <Card>
      <CardHeader>
        <CardTitle>Checklist version</CardTitle>
        <CardDescription>
          This project follows{' '}
          <strong className="text-foreground">
            {project.template ? templateLabel(project.template) : 'no checklist'}
          </strong>
          . Moving to another version keeps the work on items that still exist.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="grid max-w-md gap-1.5">
          <Label htmlFor="upgrade-target">Compare with</Label>
          <NativeSelect
            id="upgrade-target"
            value={targetId}
            onChange={(event) => setTargetId(event.target.value)}
            disabled={templates.isPending || others.length === 0}
          >
            <option value="">
              {templates.isPending
                ? 'Loading templates…'
                : others.length === 0
                  ? 'No other version available'
                  : 'Choose a version…'}
            </option>
            {others.map((t) => (
              <option key={t.id} value={t.id}>
                {templateLabel(t)}
                {t.builtIn ? '' : ' (this workspace)'}
              </option>
            ))}
          </NativeSelect>
        </div>

        {templates.error ? (
          <ErrorState
            what="The other versions"
            error={templates.error}
            retrying={templates.isFetching}
            onRetry={() => void templates.refetch()}
          />
        ) : null}
        {targetId ? (
          <QueryState
            query={preview}
            what="The preview"
            label="Working out what would change…"
            fallback={<Skeleton className="h-24 w-full" />}
          >
            {(data) => (
              <div className="space-y-3" data-testid="upgrade-preview">
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <span>v{data.from.versionLabel ?? '?'}</span>
                  <ArrowRightIcon className="size-4" aria-label="to" />
                  <span>
                    {data.to.name} v{data.to.versionLabel}
                  </span>
                </p>
                <div className="grid gap-2 sm:grid-cols-2">
                  <Section title="Items carried over" count={data.matched.length}>
                    <ul className="space-y-1">
                      {data.matched.map((m) => (
                        <li key={m.itemId}>
                          {m.title}
                          {m.targetTitle && m.targetTitle !== m.title ? ` → ${m.targetTitle}` : ''}
                          {m.uncertain ? (
                            <Badge variant="warning" className="ml-2">
                              check: {formatPercent(m.confidence * 100)} sure
                            </Badge>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </Section>
                  <Section title="Uncertain matches" count={uncertain.length} open>
                    <ul className="space-y-1">
                      {uncertain.map((m) => (
                        <li key={m.itemId}>
                          {m.title} → {m.targetTitle} ({formatPercent(m.confidence * 100)})
                        </li>
                      ))}
                    </ul>
                  </Section>
                  <Section title="New items" count={data.added.length}>
                    <ul className="space-y-1">
                      {data.added.map((a) => (
                        <li key={a.targetKey}>{a.title}</li>
                      ))}
                    </ul>
                  </Section>
                  <Section title="Items no longer in the checklist" count={data.removed.length}>
                    <ul className="space-y-1">
                      {data.removed.map((r) => (
                        <li key={r.itemId}>
                          {r.title}
                          {r.keep ? <Badge className="ml-2">kept: has work</Badge> : null}
                        </li>
                      ))}
                    </ul>
                  </Section>
                </div>
                {canEdit ? (
                  <Button onClick={() => setConfirming(true)} disabled={apply.isPending}>
                    {apply.isPending ? <Spinner /> : <RefreshCwIcon aria-hidden="true" />}
                    Move to v{data.to.versionLabel}
                  </Button>
                ) : (
                  <p className="text-sm text-muted-foreground">
                    Only members can move a project to another checklist version.
                  </p>
                )}
                <ConfirmDialog
                  open={confirming}
                  onOpenChange={setConfirming}
                  title={`Move to ${data.to.name} v${data.to.versionLabel}?`}
                  description={`${formatNumber(data.matched.length)} items carry over, ${formatNumber(data.added.length)} are added and ${formatNumber(data.removed.filter((r) => !r.keep).length)} are removed.`}
                  confirmLabel="Move project"
                  onConfirm={() =>
                    apply.mutate({
                      projectId: project.id,
                      templateId: targetId,
                      expectedVersion: project.version,
                    })
                  }
                />
              </div>
            )}
          </QueryState>
        ) : null}
      </CardContent>
    </Card>
  );
}
