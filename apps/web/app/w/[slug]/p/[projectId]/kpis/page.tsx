'use client';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { KpiPage } from '../../../../../../components/kpi/kpi-page';
import { useWorkspace } from '../../../../../../components/workspace/workspace-context';
import { useTRPC } from '../../../../../../lib/trpc';

export default function ProjectKpisPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const { can } = useWorkspace();
  const trpc = useTRPC();
  const project = useQuery(trpc.project.get.queryOptions({ projectId }));
  if (!project.data) return null;
  return <KpiPage projectId={projectId} canEdit={can('MEMBER') && !project.data.archived} />;
}
