'use client';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { TemplateTree } from '../../../../../../components/template/template-tree';
import { Badge } from '../../../../../../components/ui/badge';
import { BackLink } from '../../../../../../components/ui/page-header';
import { QueryState } from '../../../../../../components/ui/query-state';
import { Skeleton } from '../../../../../../components/ui/skeleton';
import { useWorkspace } from '../../../../../../components/workspace/workspace-context';
import { formatDate, formatNumber } from '../../../../../../lib/format';
import { useTRPC } from '../../../../../../lib/trpc';

export default function TemplatePage() {
  const { templateId } = useParams<{ templateId: string }>();
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const template = useQuery(
    trpc.template.get.queryOptions({ workspaceId: workspace.id, templateId }),
  );
  return (
    <section className="space-y-4">
      <BackLink href={`/w/${workspace.slug}/settings/templates`}>All templates</BackLink>
      <QueryState
        query={template}
        what="The template"
        label="Loading the template…"
        fallback={
          <>
            <Skeleton className="mb-3 h-7 w-80 max-w-full" />
            <Skeleton className="h-64 w-full" />
          </>
        }
      >
        {(data) => (
          <>
            <div>
              <h2 className="text-lg font-semibold">
                {data.name} v{data.versionLabel}
              </h2>
              <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
                {formatNumber(data.stageCount)} stages · {formatNumber(data.itemCount)} items ·
                added {formatDate(data.createdAt)}
                {data.builtIn ? <Badge variant="outline">Built-in</Badge> : null}
                {data.isDefault ? <Badge>Default</Badge> : null}
              </p>
            </div>
            <TemplateTree stages={data.stages} />
          </>
        )}
      </QueryState>
    </section>
  );
}
