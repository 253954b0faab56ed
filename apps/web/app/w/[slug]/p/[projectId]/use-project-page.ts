'use client';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { useWorkspace } from '../../../../../components/workspace/workspace-context';
import { useTRPC } from '../../../../../lib/trpc';

/**
 * What a project's pages read: its id, the project (undefined until loaded:
 * the project layout shows the loading and error states meanwhile), and what
 * this user may do with it.
 */
export function useProjectPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const { workspace, can } = useWorkspace();
  const trpc = useTRPC();
  const { data: project } = useQuery(trpc.project.get.queryOptions({ projectId }));
  const isMember = can('MEMBER');
  return {
    projectId,
    project,
    workspace,
    /** Members may archive and restore it. */
    isMember,
    /** Members may change it while it is not archived. */
    canEdit: isMember && project?.archived === false,
  };
}
