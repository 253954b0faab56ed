'use client';
import { ApiDocs } from '../../../../../../components/api-tokens/api-docs';
import { SubpageHeader } from '../../../../../../components/ui/page-header';
import { useWorkspace } from '../../../../../../components/workspace/workspace-context';

/** Settings → API tokens → API reference: every REST route, from the OpenAPI document. */
export default function ApiDocsPage() {
  const { workspace } = useWorkspace();
  return (
    <div className="grid max-w-4xl gap-4">
      <SubpageHeader
        back={{ href: `/w/${workspace.slug}/settings/api-tokens`, label: 'API tokens' }}
        title="API reference"
      >
        The REST API&apos;s routes, parameters and answers.
      </SubpageHeader>
      <ApiDocs />
    </div>
  );
}
