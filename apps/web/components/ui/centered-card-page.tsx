import Link from 'next/link';
import type { ReactNode } from 'react';
import { Logo } from '../logo';

/** A page of one small card under the logo: signing in and up, accepting an invitation. */
export function CenteredCardPage({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-dvh flex-col items-center px-4 py-10 sm:justify-center">
      <Link href="/" className="mb-6 rounded-md">
        <Logo className="text-lg" />
      </Link>
      <div className="w-full max-w-sm rounded-xl border bg-card p-5 shadow-xs sm:p-6">
        {children}
      </div>
    </main>
  );
}
