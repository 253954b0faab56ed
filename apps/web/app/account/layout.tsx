'use client';
import { Suspense, type ReactNode } from 'react';
import { AppSkeleton, AuthGuard } from '../../components/auth/auth-guard';
import { AppHeader } from '../../components/shell/app-header';

/** The signed-in person's own pages (not a workspace's): their notification settings. */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<AppSkeleton />}>
      <AuthGuard>
        <AppHeader />
        <main id="main" className="mx-auto max-w-3xl px-4 py-8">
          {children}
        </main>
      </AuthGuard>
    </Suspense>
  );
}
