'use client';
import { useQuery } from '@tanstack/react-query';
import { Card, CardContent, CardDescription, CardHeader } from '../../../components/ui/card';
import { CreateWorkspaceForm } from '../../../components/workspace/create-workspace-dialog';
import { useTRPC } from '../../../lib/trpc';

export default function NewWorkspacePage() {
  const trpc = useTRPC();
  const workspaces = useQuery(trpc.workspace.list.queryOptions());
  const first = workspaces.data?.length === 0;
  return (
    <div className="mx-auto max-w-lg">
      <Card>
        <CardHeader>
          <h1 className="text-lg font-semibold leading-tight">
            {first ? 'Create your first workspace' : 'Create a workspace'}
          </h1>
          <CardDescription>
            A workspace holds a team&apos;s ML projects, its members and its checklist templates.
            You can invite people once it exists.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CreateWorkspaceForm />
        </CardContent>
      </Card>
    </div>
  );
}
