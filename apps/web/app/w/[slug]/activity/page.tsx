'use client';
import { ActivityFeed } from '../../../../components/activity/activity-feed';
import { useWorkspace } from '../../../../components/workspace/workspace-context';

export default function WorkspaceActivityPage() {
  const { workspace } = useWorkspace();
  return <ActivityFeed workspaceId={workspace.id} />;
}
