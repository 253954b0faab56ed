'use client';
import { useQuery } from '@tanstack/react-query';
import { ArchiveIcon, SearchXIcon } from 'lucide-react';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { LazyProjectWatchButton } from '../../../../../components/notifications/lazy-project-watch';
import { LazyProjectExportMenu } from '../../../../../components/project/lazy-export-menu';
import { TabNav } from '../../../../../components/shell/workspace-nav';
import { Badge } from '../../../../../components/ui/badge';
import { Button } from '../../../../../components/ui/button';
import { EmptyState } from '../../../../../components/ui/empty-state';
import { LoadingState, QueryError } from '../../../../../components/ui/query-state';
import { Skeletons } from '../../../../../components/ui/skeleton';
import { useWorkspace } from '../../../../../components/workspace/workspace-context';
import { errorInfo } from '../../../../../lib/errors';
import {
  APPROACH_LABEL,
  INFERENCE_LABEL,
  PHASE_LABEL,
  templateLabel,
} from '../../../../../lib/labels';
import { useTRPC } from '../../../../../lib/trpc';

/** The rough shape of the project's header and first panel. */
const HEADER_SHAPES = [
  'mb-2 h-4 w-32',
  'mb-3 h-8 w-72 max-w-full',
  'mb-6 h-5 w-96 max-w-full',
  'h-64 w-full',
];

/** What the API answers for a project that is not there (or an id that cannot be one). */
const MISSING = ['NOT_FOUND', 'BAD_REQUEST'];

export default function ProjectLayout({ children }: { children: ReactNode }) {
  const { projectId } = useParams<{ projectId: string }>();
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const project = useQuery(trpc.project.get.queryOptions({ projectId }));
  const base = `/w/${workspace.slug}/p/${projectId}`;

  if (project.isPending) {
    return (
      <LoadingState label="Loading project…">
        <Skeletons shapes={HEADER_SHAPES} />
      </LoadingState>
    );
  }
  // Gone (deleted, or never there): say so even if it was shown a moment ago.
  if (project.error && MISSING.includes(errorInfo(project.error).code)) {
    return (
      <EmptyState
        icon={<SearchXIcon />}
        title="Project not found"
        action={
          <Button asChild>
            <Link href={`/w/${workspace.slug}`}>Back to projects</Link>
          </Button>
        }
      >
        It may have been deleted, or it belongs to a workspace you are not in.
      </EmptyState>
    );
  }
  if (!project.data) {
    return <QueryError what="The project" query={project} />;
  }
  const p = project.data;
  return (
    <div className="space-y-5">
      <div>
        <nav aria-label="Breadcrumb" className="mb-1 text-sm text-muted-foreground">
          <Link href={`/w/${workspace.slug}`} className="rounded-sm hover:underline">
            Projects
          </Link>
          <span aria-hidden="true"> / </span>
        </nav>
        <h1
          className="text-2xl font-semibold tracking-tight break-words"
          data-testid="project-name"
        >
          {p.name}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-1.5">
          <Badge variant="outline" title="Phase">
            {PHASE_LABEL[p.phase]}
          </Badge>
          {p.approach ? <Badge>{APPROACH_LABEL[p.approach]}</Badge> : null}
          {p.inference ? <Badge>{INFERENCE_LABEL[p.inference]} inference</Badge> : null}
          {p.template ? <Badge variant="secondary">{templateLabel(p.template)}</Badge> : null}
          {p.archived ? (
            <Badge variant="warning">
              <ArchiveIcon className="size-3" aria-hidden="true" /> Archived
            </Badge>
          ) : null}
          <LazyProjectWatchButton projectId={p.id} />
          <LazyProjectExportMenu projectId={p.id} />
        </div>
        {p.description ? (
          <p className="mt-2 max-w-3xl text-sm whitespace-pre-line text-muted-foreground">
            {p.description}
          </p>
        ) : null}
      </div>
      <div className="border-b">
        <TabNav
          label="Project"
          tabs={[
            { href: base, label: 'Overview', exact: true, alsoUnder: [`${base}/s/`] },
            { href: `${base}/kpis`, label: 'KPIs' },
            { href: `${base}/activity`, label: 'Activity' },
            { href: `${base}/settings`, label: 'Settings' },
          ]}
        />
      </div>
      {children}
    </div>
  );
}
