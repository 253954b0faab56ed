'use client';
import dynamic from 'next/dynamic';

/**
 * The header's bell, loaded after the page: its count needs a request to the
 * API anyway, so loading its code alongside costs no time, and keeps it out of
 * every page's first-load JavaScript (which has a budget). The placeholder
 * holds its place, so nothing shifts.
 */
export const NotificationBell = dynamic(
  () => import('./bell-button').then((module) => module.BellButton),
  { ssr: false, loading: () => <span className="inline-block size-9" aria-hidden="true" /> },
);
