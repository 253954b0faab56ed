'use client';
import { useParams } from 'next/navigation';
import { ActivityFeed } from '../../../../../../components/activity/activity-feed';
import { useWorkspace } from '../../../../../../components/workspace/workspace-context';

export default function ProjectActivityPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const { workspace } = useWorkspace();
  return <ActivityFeed workspaceId={workspace.id} projectId={projectId} />;
}
