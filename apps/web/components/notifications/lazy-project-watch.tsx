'use client';
import dynamic from 'next/dynamic';

/**
 * The project header's Watch toggle, loaded after the page: it is not needed
 * for the first paint, and the dashboard's first-load JavaScript has a budget.
 */
export const LazyProjectWatchButton = dynamic(
  () => import('./watch-button').then((module) => module.ProjectWatchButton),
  { ssr: false, loading: () => <span className="inline-block h-8 w-24" aria-hidden="true" /> },
);
