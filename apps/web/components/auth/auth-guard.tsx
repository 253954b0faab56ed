'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { useSession } from '../../lib/session';
import { LoadingState } from '../ui/query-state';
import { Skeleton } from '../ui/skeleton';

/** Shows its children only when signed in; otherwise sends the user to sign in and back. */
export function AuthGuard({ children }: { children: ReactNode }) {
  const session = useSession();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  useEffect(() => {
    if (session.status !== 'signedOut') return;
    const query = searchParams.toString();
    const next = `${pathname}${query ? `?${query}` : ''}${window.location.hash}`;
    const params = new URLSearchParams({ next });
    if (session.expired) params.set('expired', '1');
    router.replace(`/sign-in?${params.toString()}`);
  }, [session, pathname, searchParams, router]);

  if (session.status !== 'signedIn') return <AppSkeleton />;
  return <>{children}</>;
}

export function AppSkeleton() {
  return (
    <LoadingState
      label="Loading Shipshape…"
      className="space-y-0"
      slowClassName="mx-auto max-w-7xl px-4"
    >
      <div className="border-b bg-card">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4">
          <Skeleton className="size-7 rounded-lg" />
          <Skeleton className="h-5 w-40" />
          <Skeleton className="ml-auto h-8 w-24" />
        </div>
      </div>
      <div className="mx-auto max-w-7xl space-y-4 px-4 py-6">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-64 w-full" />
      </div>
    </LoadingState>
  );
}
