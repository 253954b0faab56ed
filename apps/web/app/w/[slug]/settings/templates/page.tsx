'use client';
import { useQuery } from '@tanstack/react-query';
import { FileTextIcon, GitCompareIcon, UploadIcon } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '../../../../../components/ui/badge';
import { Button } from '../../../../../components/ui/button';
import { EmptyState } from '../../../../../components/ui/empty-state';
import { QueryState } from '../../../../../components/ui/query-state';
import { Skeleton } from '../../../../../components/ui/skeleton';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../../../components/ui/table';
import { useWorkspace } from '../../../../../components/workspace/workspace-context';
import { formatDate, formatNumber } from '../../../../../lib/format';
import { useTRPC } from '../../../../../lib/trpc';

export default function TemplatesPage() {
  const { workspace, can } = useWorkspace();
  const trpc = useTRPC();
  const templates = useQuery(trpc.template.list.queryOptions({ workspaceId: workspace.id }));
  const base = `/w/${workspace.slug}/settings/templates`;
  return (
    <section aria-labelledby="templates-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="templates-heading" className="text-lg font-semibold">
            Checklist templates
          </h2>
          <p className="text-sm text-muted-foreground">
            Built-in versions of the ML end-to-end checklist, and the ones this workspace imported.
          </p>
        </div>
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
      </div>
      <QueryState
        query={templates}
        what="Templates"
        label="Loading templates…"
        fallback={<Skeleton className="h-40 w-full" />}
      >
        {(list) =>
          list.length === 0 ? (
            <EmptyState icon={<FileTextIcon />} title="No templates" />
          ) : (
            <Table containerClassName="rounded-xl border bg-card" data-testid="templates">
              <caption className="sr-only">Checklist templates</caption>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead scope="col">Template</TableHead>
                  <TableHead scope="col" className="text-right">
                    Stages
                  </TableHead>
                  <TableHead scope="col" className="text-right">
                    Items
                  </TableHead>
                  <TableHead scope="col" className="hidden sm:table-cell">
                    Added
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
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
              </TableBody>
            </Table>
          )
        }
      </QueryState>
    </section>
  );
}
