'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { TemplateTree } from '../../../../../../components/template/template-tree';
import { Alert } from '../../../../../../components/ui/alert';
import { Badge } from '../../../../../../components/ui/badge';
import { Loading, Skeleton } from '../../../../../../components/ui/skeleton';
import { useWorkspace } from '../../../../../../components/workspace/workspace-context';
import { errorInfo } from '../../../../../../lib/errors';
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
      <Link
        href={`/w/${workspace.slug}/settings/templates`}
        className="text-sm text-muted-foreground hover:underline"
      >
        ← All templates
      </Link>
      {template.isPending ? (
        <Loading label="Loading the template…">
          <Skeleton className="mb-3 h-7 w-80 max-w-full" />
          <Skeleton className="h-64 w-full" />
        </Loading>
      ) : template.error ? (
        <Alert variant="destructive" role="alert">
          The template could not be loaded: {errorInfo(template.error).message}
        </Alert>
      ) : (
        <>
          <div>
            <h2 className="text-lg font-semibold">
              {template.data.name} v{template.data.versionLabel}
            </h2>
            <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
              {formatNumber(template.data.stageCount)} stages ·{' '}
              {formatNumber(template.data.itemCount)} items · added{' '}
              {formatDate(template.data.createdAt)}
              {template.data.builtIn ? <Badge variant="outline">Built-in</Badge> : null}
              {template.data.isDefault ? <Badge>Default</Badge> : null}
            </p>
          </div>
          <TemplateTree stages={template.data.stages} />
        </>
      )}
    </section>
  );
}
