import { apiInternalUrl } from '../lib/api-url';

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
    <main>
      <h1>Shipshape</h1>
      <p>Track ML projects from first idea to production along the end-to-end ML checklist.</p>
      <p role="status" data-testid="api-status">
        API: {status}
      </p>
    </main>
  );
}
