'use client';
import type { ReactNode } from 'react';
import { TabNav } from '../../../../components/shell/workspace-nav';
import { useWorkspace } from '../../../../components/workspace/workspace-context';

export default function SettingsLayout({ children }: { children: ReactNode }) {
  const { workspace } = useWorkspace();
  const base = `/w/${workspace.slug}/settings`;
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-sm text-muted-foreground">{workspace.name}</p>
      </div>
      <div className="border-b">
        <TabNav
          label="Settings"
          tabs={[
            { href: base, label: 'General', exact: true },
            { href: `${base}/members`, label: 'Members' },
            { href: `${base}/invitations`, label: 'Invitations' },
            { href: `${base}/templates`, label: 'Templates' },
            { href: `${base}/api-tokens`, label: 'API tokens' },
            { href: `${base}/webhooks`, label: 'Webhooks' },
          ]}
        />
      </div>
      {children}
    </div>
  );
}
