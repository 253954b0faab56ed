'use client';
import dynamic from 'next/dynamic';

/**
 * The project header's Export menu, loaded after the page (as the Watch
 * toggle is): not needed for the first paint, and the dashboard's first-load
 * JavaScript has a budget.
 */
export const LazyProjectExportMenu = dynamic(
  () => import('./project-export-menu').then((module) => module.ProjectExportMenu),
  { ssr: false, loading: () => <span className="inline-block h-8 w-20" aria-hidden="true" /> },
);
