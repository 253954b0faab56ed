import { Logo } from '../components/logo';
import { apiInternalUrl } from '../lib/server-env';
import { HomeActions } from './home-actions';

// Rendered per request: the status is live, not baked in at build time.
export const dynamic = 'force-dynamic';

async function apiStatus(): Promise<'ready' | 'unavailable' | 'unreachable'> {
  try {
    const response = await fetch(`${apiInternalUrl()}/readyz`, { cache: 'no-store' });
    return response.ok ? 'ready' : 'unavailable';
  } catch {
    return 'unreachable';
  }
}

export default async function HomePage() {
  const status = await apiStatus();
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4 py-10">
      <div className="w-full max-w-md space-y-6 text-center">
        <Logo className="text-2xl [&>span:first-child]:size-10" />
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">
          Ship ML projects in good order
        </h1>
        <p className="text-muted-foreground">
          Track ML projects from first idea to production along the end-to-end ML checklist.
        </p>
        <HomeActions />
        <p
          role="status"
          data-testid="api-status"
          className="inline-flex items-center gap-2 text-xs text-muted-foreground"
        >
          <span
            aria-hidden="true"
            className={
              status === 'ready'
                ? 'size-2 rounded-full bg-success'
                : 'size-2 rounded-full bg-destructive'
            }
          />
          API: {status}
        </p>
      </div>
    </main>
  );
}
