'use client';
import { useQuery } from '@tanstack/react-query';
import { CheckIcon, MilestoneIcon } from 'lucide-react';
import { useParams } from 'next/navigation';
import { useEffect } from 'react';
import { useSetStage } from '../../../../../components/project/use-set-stage';
import { countItems } from '../../../../../components/template/template-tree';
import { Alert } from '../../../../../components/ui/alert';
import { Badge } from '../../../../../components/ui/badge';
import { Button } from '../../../../../components/ui/button';
import { EmptyState } from '../../../../../components/ui/empty-state';
import { Loading, Skeleton } from '../../../../../components/ui/skeleton';
import { useWorkspace } from '../../../../../components/workspace/workspace-context';
import { errorInfo } from '../../../../../lib/errors';
import { formatNumber } from '../../../../../lib/format';
import { useTRPC } from '../../../../../lib/trpc';
import { cn } from '../../../../../lib/utils';

export default function ProjectStagesPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const { workspace, can } = useWorkspace();
  const trpc = useTRPC();
  const project = useQuery(trpc.project.get.queryOptions({ projectId }));
  const templateId = project.data?.template?.id;
  const template = useQuery({
    ...trpc.template.get.queryOptions({ workspaceId: workspace.id, templateId: templateId ?? '' }),
    enabled: Boolean(templateId),
    staleTime: 10 * 60_000,
  });
  const { setStage, mutation } = useSetStage(projectId);
  const canEdit = can('MEMBER') && !project.data?.archived;

  // Jumping to #stage-… (from the command palette) scrolls once the list exists.
  useEffect(() => {
    if (!template.data || !window.location.hash) return;
    const target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  }, [template.data]);

  if (!project.data) return null;
  if (!templateId) {
    return (
      <EmptyState icon={<MilestoneIcon />} title="No checklist">
        This project has no checklist template, so it has no stages.
      </EmptyState>
    );
  }
  if (template.error) {
    return (
      <Alert variant="destructive" role="alert">
        The stages could not be loaded: {errorInfo(template.error).message}
      </Alert>
    );
  }
  if (template.isPending) {
    return (
      <Loading label="Loading stages…">
        <div className="space-y-2">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-16 w-full" />
          ))}
        </div>
      </Loading>
    );
  }
  const stages = template.data.stages;
  const currentIndex = stages.findIndex((s) => s.key === project.data.currentStageKey);
  const current = stages[currentIndex];

  return (
    <section aria-labelledby="stages-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="stages-heading" className="text-lg font-semibold">
          Stages
        </h2>
        <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="current-stage">
          {current
            ? `Current stage: ${current.title} (${formatNumber(currentIndex + 1)} of ${formatNumber(stages.length)})`
            : 'No current stage set'}
        </p>
      </div>
      <ol className="space-y-2" data-testid="stage-list">
        {stages.map((stage, index) => {
          const isCurrent = stage.key === project.data.currentStageKey;
          const before = currentIndex >= 0 && index < currentIndex;
          const total = countItems(stage.items);
          return (
            <li
              key={stage.key}
              id={`stage-${stage.key}`}
              tabIndex={-1}
              aria-current={isCurrent ? 'step' : undefined}
              data-testid="stage"
              data-current={isCurrent ? 'true' : undefined}
              className={cn(
                'scroll-mt-24 rounded-xl border bg-card transition-colors target:ring-2 target:ring-ring',
                isCurrent && 'border-primary/60 bg-accent/60 ring-1 ring-primary/30',
              )}
            >
              <div className="flex items-start gap-3 px-3 py-3 sm:px-4">
                <span
                  aria-hidden="true"
                  className={cn(
                    'mt-0.5 grid size-7 shrink-0 place-items-center rounded-full text-xs font-semibold tabular-nums',
                    isCurrent
                      ? 'bg-primary text-primary-foreground'
                      : before
                        ? 'bg-secondary text-foreground'
                        : 'border bg-card text-muted-foreground',
                  )}
                >
                  {before ? <CheckIcon className="size-3.5" /> : index + 1}
                </span>
                <details className="group min-w-0 flex-1">
                  <summary className="cursor-pointer list-none rounded-md [&::-webkit-details-marker]:hidden">
                    <span className="block font-medium break-words" data-testid="stage-title">
                      {stage.title}
                    </span>
                    <span className="block text-xs text-muted-foreground">
                      {formatNumber(stage.items.length)}{' '}
                      {stage.items.length === 1 ? 'item' : 'items'}
                      {total > stage.items.length
                        ? ` · ${formatNumber(total - stage.items.length)} sub-items`
                        : ''}
                      <span className="group-open:hidden"> · show</span>
                      <span className="hidden group-open:inline"> · hide</span>
                    </span>
                  </summary>
                  <div className="mt-3 border-t pt-3">
                    {stage.description ? (
                      <p className="mb-2 text-sm text-muted-foreground">{stage.description}</p>
                    ) : null}
                    <ul className="grid gap-1 text-sm sm:grid-cols-2">
                      {stage.items.map((item) => (
                        <li key={item.key} className="flex min-w-0 items-baseline gap-2">
                          <span
                            aria-hidden="true"
                            className="size-1.5 shrink-0 -translate-y-0.5 rounded-full bg-muted-foreground/50"
                          />
                          <span className="min-w-0 break-words">
                            {item.title}
                            {item.children.length > 0 ? (
                              <span className="text-xs text-muted-foreground">
                                {' '}
                                ({formatNumber(countItems(item.children))} sub-items)
                              </span>
                            ) : null}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                </details>
                {isCurrent ? (
                  <Badge variant="default" className="shrink-0">
                    Current stage
                  </Badge>
                ) : canEdit ? (
                  <Button
                    size="sm"
                    variant="outline"
                    className="shrink-0"
                    onClick={() => setStage(stage.key)}
                    disabled={mutation.isPending}
                    aria-label={`Make “${stage.title}” the current stage`}
                  >
                    Make current
                  </Button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
