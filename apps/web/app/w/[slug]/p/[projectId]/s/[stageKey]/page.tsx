'use client';
import { useParams } from 'next/navigation';
import { StageView } from '../../../../../../../components/stage/stage-view';
import { useProjectPage } from '../../use-project-page';

export default function StagePage() {
  const params = useParams<{ stageKey: string }>();
  const stageKey = decodeURIComponent(params.stageKey);
  const { projectId, project } = useProjectPage();
  if (!project) return null;
  return (
    <StageView
      key={stageKey}
      projectId={projectId}
      stageKey={stageKey}
      archived={project.archived}
    />
  );
}
