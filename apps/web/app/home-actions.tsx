'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { Button } from '../components/ui/button';
import { LoadingState, QueryError } from '../components/ui/query-state';
import { Skeleton } from '../components/ui/skeleton';
import { useSession } from '../lib/session';
import { useTRPC } from '../lib/trpc';

/** Signed in: straight to the first workspace. Signed out: sign in or sign up. */
export function HomeActions() {
  const session = useSession();
  const trpc = useTRPC();
  const router = useRouter();
  const workspaces = useQuery({
    ...trpc.workspace.list.queryOptions(),
    enabled: session.status === 'signedIn',
  });

  useEffect(() => {
    if (session.status !== 'signedIn' || !workspaces.data) return;
    const first = workspaces.data[0];
    router.replace(first ? `/w/${first.slug}` : '/workspaces/new');
  }, [session.status, workspaces.data, router]);

  if (session.status === 'signedOut') {
    return (
      <div className="flex flex-col justify-center gap-2 sm:flex-row">
        <Button asChild size="lg">
          <Link href="/sign-up">Create an account</Link>
        </Button>
        <Button asChild size="lg" variant="outline">
          <Link href="/sign-in">Sign in</Link>
        </Button>
      </div>
    );
  }
  if (workspaces.error) {
    return <QueryError what="Your workspaces" query={workspaces} className="text-left" />;
  }
  // Still loading, or on the way to the first workspace.
  return (
    <LoadingState label="Opening your workspace…">
      <div className="flex flex-col justify-center gap-2 sm:flex-row">
        <Skeleton className="h-10 w-full sm:w-44" />
        <Skeleton className="h-10 w-full sm:w-28" />
      </div>
    </LoadingState>
  );
}
