'use client';
import dynamic from 'next/dynamic';
import { Skeleton } from '../ui/skeleton';

/**
 * The dashboard's activity panel, loaded after the page (as the header's Watch
 * and Export are): its sentences know every kind of change, which the first
 * paint does not need, and the dashboard's first-load JavaScript has a budget.
 */
export const LazyRecentActivity = dynamic(
  () => import('./recent-activity').then((module) => module.RecentActivity),
  { ssr: false, loading: () => <Skeleton className="h-48 w-full" /> },
);
