'use client';
import { useQuery } from '@tanstack/react-query';
import { EyeIcon, SearchXIcon } from 'lucide-react';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { Suspense, type ReactNode } from 'react';
import { AppSkeleton, AuthGuard } from '../../../components/auth/auth-guard';
import { AppHeader } from '../../../components/shell/app-header';
import { usePagePrefetch } from '../../../components/shell/use-page-prefetch';
import { TabNav } from '../../../components/shell/workspace-nav';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-state';
import { WorkspaceProvider } from '../../../components/workspace/workspace-context';
import { useLiveUpdates } from '../../../lib/live-updates';
import { useTRPC } from '../../../lib/trpc';

function WorkspaceShell({ children }: { children: ReactNode }) {
  const { slug } = useParams<{ slug: string }>();
  const trpc = useTRPC();
  const workspaces = useQuery(trpc.workspace.list.queryOptions());
  usePagePrefetch();
  const workspace = workspaces.data?.find((w) => w.slug === slug);
  useLiveUpdates(workspace?.id);

  if (workspaces.isPending) return <AppSkeleton />;
  if (!workspace) {
    return (
      <>
        <AppHeader />
        <main id="main" className="mx-auto max-w-7xl px-4 py-10">
          {workspaces.error ? (
            <QueryError what="Your workspaces" query={workspaces} />
          ) : (
            <EmptyState
              icon={<SearchXIcon />}
              title="Workspace not found"
              action={
                <Button asChild>
                  <Link href="/">Go to your workspaces</Link>
                </Button>
              }
            >
              There is no workspace at “{slug}”, or you are not one of its members.
            </EmptyState>
          )}
        </main>
      </>
    );
  }
  const base = `/w/${workspace.slug}`;
  return (
    <WorkspaceProvider workspace={workspace}>
      <AppHeader />
      <div className="border-b bg-card">
        <div className="mx-auto max-w-7xl px-3 sm:px-4">
          <TabNav
            label="Workspace"
            tabs={[
              { href: base, label: 'Projects', exact: true, alsoUnder: [`${base}/p/`] },
              { href: `${base}/my-work`, label: 'My work' },
              { href: `${base}/lessons`, label: 'Lessons' },
              { href: `${base}/activity`, label: 'Activity' },
              { href: `${base}/settings`, label: 'Settings' },
            ]}
          />
        </div>
      </div>
      {workspace.role === 'VIEWER' ? (
        <div
          role="note"
          data-testid="read-only-banner"
          className="border-b bg-warning text-warning-foreground"
        >
          <p className="mx-auto flex max-w-7xl items-center gap-2 px-4 py-2 text-sm">
            <EyeIcon className="size-4 shrink-0" aria-hidden="true" />
            You have view-only access to this workspace. Ask an admin for the Member role to make
            changes.
          </p>
        </div>
      ) : null}
      <main id="main" className="mx-auto max-w-7xl px-3 py-5 sm:px-4 sm:py-6">
        {children}
      </main>
    </WorkspaceProvider>
  );
}

export default function WorkspaceLayout({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<AppSkeleton />}>
      <AuthGuard>
        <WorkspaceShell>{children}</WorkspaceShell>
      </AuthGuard>
    </Suspense>
  );
}
