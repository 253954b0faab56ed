'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { KeyRoundIcon } from 'lucide-react';
import { formatDate, formatRelative, toDate } from '../../lib/format';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { Badge } from '../ui/badge';
import { ConfirmButton } from '../ui/confirm-button';
import { EmptyState } from '../ui/empty-state';
import { QueryState } from '../ui/query-state';
import { Skeleton } from '../ui/skeleton';
import { ListTable, TableCell, TableRow } from '../ui/table';
import { useWorkspace } from '../workspace/workspace-context';

type ApiToken = RouterOutputs['apiToken']['list'][number];

const TOKEN_COLUMNS = [
  { label: 'Name' },
  { label: 'Scopes' },
  { label: 'Token' },
  { label: 'Created', className: 'hidden md:table-cell' },
  { label: 'Expires' },
  { label: 'Last used', className: 'hidden sm:table-cell' },
  { label: <span className="sr-only">Actions</span> },
];

function Expiry({ expiresAt }: { expiresAt: ApiToken['expiresAt'] }) {
  if (expiresAt === null) return <span className="text-muted-foreground">Never</span>;
  if (toDate(expiresAt).getTime() <= Date.now())
    return <Badge variant="destructive">Expired</Badge>;
  return <span title={formatDate(expiresAt)}>{formatRelative(expiresAt)}</span>;
}

/** The caller's own tokens in this workspace, each with Revoke. */
export function ApiTokenList() {
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { workspaceId: workspace.id };
  const key = trpc.apiToken.list.queryKey(input);
  const tokens = useQuery(trpc.apiToken.list.queryOptions(input));
  const revoke = useMutation(
    trpc.apiToken.revoke.mutationOptions({
      onMutate: async ({ id }) => {
        await queryClient.cancelQueries({ queryKey: key });
        const previous = queryClient.getQueryData(key);
        queryClient.setQueryData(key, (list) => list?.filter((t) => t.id !== id));
        return { previous };
      },
      onError: (error, _input, context) => {
        if (context?.previous) queryClient.setQueryData(key, context.previous);
        notifyFailure('Revoking the token', error);
      },
      onSuccess: () => notifySuccess('Token revoked'),
      onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
    }),
  );
  return (
    <QueryState
      query={tokens}
      what="API tokens"
      label="Loading API tokens…"
      fallback={<Skeleton className="h-24 w-full" />}
      empty={
        <EmptyState icon={<KeyRoundIcon />} title="No API tokens">
          Make one for each script or pipeline, so that you can revoke one without the others.
        </EmptyState>
      }
    >
      {(list) => (
        <ListTable caption="Your API tokens" columns={TOKEN_COLUMNS} data-testid="api-tokens">
          {list.map((token) => (
            <TableRow key={token.id}>
              <TableCell className="font-medium">{token.name}</TableCell>
              <TableCell>
                <span className="inline-flex gap-1">
                  {token.scopes.map((scope) => (
                    <Badge key={scope} variant="outline">
                      {scope}
                    </Badge>
                  ))}
                </span>
              </TableCell>
              <TableCell>
                <span className="sr-only">ending in </span>
                <code className="font-mono text-xs">…{token.lastFour}</code>
              </TableCell>
              <TableCell className="hidden text-muted-foreground md:table-cell">
                {formatDate(token.createdAt)}
              </TableCell>
              <TableCell>
                <Expiry expiresAt={token.expiresAt} />
              </TableCell>
              <TableCell className="hidden text-muted-foreground sm:table-cell">
                {token.lastUsedAt ? formatRelative(token.lastUsedAt) : 'Never'}
              </TableCell>
              <TableCell className="text-right">
                <ConfirmButton
                  size="sm"
                  variant="outline"
                  aria-label={`Revoke the token “${token.name}”`}
                  confirm={{
                    title: `Revoke “${token.name}”?`,
                    description:
                      'Scripts using it get 401 Unauthorized from the next request on. This cannot be undone.',
                    label: 'Revoke',
                    destructive: true,
                  }}
                  onConfirm={() => revoke.mutate({ id: token.id })}
                >
                  Revoke
                </ConfirmButton>
              </TableCell>
            </TableRow>
          ))}
        </ListTable>
      )}
    </QueryState>
  );
}
