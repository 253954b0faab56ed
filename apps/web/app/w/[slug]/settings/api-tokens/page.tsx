'use client';
import { ApiTokenList } from '../../../../../components/api-tokens/api-token-list';
import { ApiUsageCard } from '../../../../../components/api-tokens/api-usage-card';
import { CreateApiTokenDialog } from '../../../../../components/api-tokens/create-api-token-dialog';
import { SectionHeader } from '../../../../../components/ui/page-header';

export default function ApiTokensPage() {
  return (
    <div className="grid max-w-4xl gap-6">
      <section aria-labelledby="api-tokens-heading" className="space-y-4">
        <SectionHeader
          id="api-tokens-heading"
          title="API tokens"
          description="For scripts and pipelines: each acts as you here, within its scopes, until revoked or expired."
          actions={<CreateApiTokenDialog />}
        />
        <ApiTokenList />
      </section>
      <ApiUsageCard />
    </div>
  );
}
