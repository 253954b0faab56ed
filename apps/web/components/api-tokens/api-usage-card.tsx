'use client';
import { BookOpenIcon } from 'lucide-react';
import Link from 'next/link';
import { useSyncExternalStore } from 'react';
import { Button } from '../ui/button';
import { SettingsCard } from '../ui/settings-card';
import { useWorkspace } from '../workspace/workspace-context';

export const OPENAPI_PATH = '/api/v1/openapi.json';

const never = () => () => {};
/** This page's origin for copy-paste examples; empty while rendered on the server. */
function useOrigin(): string {
  return useSyncExternalStore(
    never,
    () => window.location.origin,
    () => '',
  );
}

/** Where the REST API is described, and one request to start from. */
export function ApiUsageCard() {
  const { workspace } = useWorkspace();
  const origin = useOrigin();
  const curl = [
    `curl -H "Authorization: Bearer shp_…" \\`,
    `  ${origin}/api/v1/workspaces/${workspace.id}/projects`,
  ].join('\n');
  return (
    <SettingsCard
      title="Using the API"
      description="The REST API under /api/v1 has the same rules as the app: a token can do what you can, within its scopes."
      contentClassName="space-y-3"
    >
      <p className="text-sm">
        Every route, its parameters and its answers are in the OpenAPI 3.1 document; load it into
        Swagger UI, Postman or a client generator.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button asChild variant="outline">
          <Link href={`/w/${workspace.slug}/settings/api-tokens/docs`}>
            <BookOpenIcon aria-hidden="true" />
            API reference
          </Link>
        </Button>
        <Button asChild variant="ghost">
          <a href={OPENAPI_PATH} target="_blank" rel="noreferrer">
            OpenAPI document
          </a>
        </Button>
      </div>
      <div className="space-y-1">
        <p className="text-sm font-medium">List this workspace&apos;s projects:</p>
        <pre
          className="overflow-x-auto rounded-md border bg-muted px-3 py-2 font-mono text-xs"
          data-testid="api-curl-example"
        >
          {curl}
        </pre>
      </div>
    </SettingsCard>
  );
}
