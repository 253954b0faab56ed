'use client';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { StageView } from '../../../../../../../components/stage/stage-view';
import { useTRPC } from '../../../../../../../lib/trpc';

export default function StagePage() {
  const params = useParams<{ projectId: string; stageKey: string }>();
  const stageKey = decodeURIComponent(params.stageKey);
  const trpc = useTRPC();
  const project = useQuery(trpc.project.get.queryOptions({ projectId: params.projectId }));
  if (!project.data) return null;
  return (
    <StageView
      key={stageKey}
      projectId={params.projectId}
      stageKey={stageKey}
      archived={project.data.archived}
    />
  );
}
