'use client';
import { KpiPage } from '../../../../../../components/kpi/kpi-page';
import { useProjectPage } from '../use-project-page';

export default function ProjectKpisPage() {
  const { projectId, project, canEdit } = useProjectPage();
  if (!project) return null;
  return <KpiPage projectId={projectId} canEdit={canEdit} />;
}
