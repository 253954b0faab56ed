'use client';
import { useQuery } from '@tanstack/react-query';
import { FileTextIcon, GitCompareIcon, UploadIcon } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '../../../../../components/ui/badge';
import { Button } from '../../../../../components/ui/button';
import { EmptyState } from '../../../../../components/ui/empty-state';
import { SectionHeader } from '../../../../../components/ui/page-header';
import { QueryState } from '../../../../../components/ui/query-state';
import { Skeleton } from '../../../../../components/ui/skeleton';
import { ListTable, TableCell, TableRow } from '../../../../../components/ui/table';
import { useWorkspace } from '../../../../../components/workspace/workspace-context';
import { formatDate, formatNumber } from '../../../../../lib/format';
import { useTRPC } from '../../../../../lib/trpc';

const TEMPLATE_COLUMNS = [
  { label: 'Template' },
  { label: 'Stages', className: 'text-right' },
  { label: 'Items', className: 'text-right' },
  { label: 'Added', className: 'hidden sm:table-cell' },
];

export default function TemplatesPage() {
  const { workspace, can } = useWorkspace();
  const trpc = useTRPC();
  const templates = useQuery(trpc.template.list.queryOptions({ workspaceId: workspace.id }));
  const base = `/w/${workspace.slug}/settings/templates`;
  return (
    <section aria-labelledby="templates-heading" className="space-y-4">
      <SectionHeader
        id="templates-heading"
        title="Checklist templates"
        description="Built-in versions of the ML end-to-end checklist, and the ones this workspace imported."
        actions={
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="outline">
              <Link href={`${base}/diff`}>
                <GitCompareIcon aria-hidden="true" />
                Compare versions
              </Link>
            </Button>
            {can('ADMIN') ? (
              <Button asChild>
                <Link href={`${base}/import`}>
                  <UploadIcon aria-hidden="true" />
                  Import Markdown
                </Link>
              </Button>
            ) : null}
          </div>
        }
      />
      <QueryState
        query={templates}
        what="Templates"
        label="Loading templates…"
        fallback={<Skeleton className="h-40 w-full" />}
        empty={<EmptyState icon={<FileTextIcon />} title="No templates" />}
      >
        {(list) => (
          <ListTable
            caption="Checklist templates"
            columns={TEMPLATE_COLUMNS}
            data-testid="templates"
          >
            {list.map((t) => (
              <TableRow key={t.id}>
                <TableCell>
                  <Link href={`${base}/${t.id}`} className="font-medium hover:underline">
                    {t.name} v{t.versionLabel}
                  </Link>
                  <span className="ml-2 inline-flex gap-1 align-middle">
                    {t.builtIn ? <Badge variant="outline">Built-in</Badge> : null}
                    {t.isDefault ? <Badge>Default</Badge> : null}
                  </span>
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {formatNumber(t.stageCount)}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {formatNumber(t.itemCount)}
                </TableCell>
                <TableCell className="hidden text-muted-foreground sm:table-cell">
                  {formatDate(t.createdAt)}
                </TableCell>
              </TableRow>
            ))}
          </ListTable>
        )}
      </QueryState>
    </section>
  );
}
