'use client';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ProjectDashboard } from '../../../../../components/dashboard/project-dashboard';
import { useTRPC } from '../../../../../lib/trpc';
import { useProjectPage } from './use-project-page';

export default function ProjectOverviewPage() {
  const { projectId, project, workspace, canEdit } = useProjectPage();
  const trpc = useTRPC();
  const dashboard = useQuery(trpc.dashboard.project.queryOptions({ projectId }));

  // Jumping to #stage-… (from the command palette) scrolls once the list exists.
  useEffect(() => {
    if (!dashboard.data || !window.location.hash) return;
    const target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  }, [dashboard.data]);

  if (!project) return null;
  return <ProjectDashboard project={project} slug={workspace.slug} canEdit={canEdit} />;
}
