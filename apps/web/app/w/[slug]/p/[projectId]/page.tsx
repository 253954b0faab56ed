'use client';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { useEffect } from 'react';
import { ProjectDashboard } from '../../../../../components/dashboard/project-dashboard';
import { useWorkspace } from '../../../../../components/workspace/workspace-context';
import { useTRPC } from '../../../../../lib/trpc';

export default function ProjectOverviewPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const { workspace, can } = useWorkspace();
  const trpc = useTRPC();
  const project = useQuery(trpc.project.get.queryOptions({ projectId }));
  const dashboard = useQuery(trpc.dashboard.project.queryOptions({ projectId }));

  // Jumping to #stage-… (from the command palette) scrolls once the list exists.
  useEffect(() => {
    if (!dashboard.data || !window.location.hash) return;
    const target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  }, [dashboard.data]);

  if (!project.data) return null;
  return (
    <ProjectDashboard
      project={project.data}
      slug={workspace.slug}
      canEdit={can('MEMBER') && !project.data.archived}
    />
  );
}
