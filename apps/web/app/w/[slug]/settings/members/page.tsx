'use client';
import type { TRole } from '@shipshape/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { UserMinusIcon, UsersIcon } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { Badge } from '../../../../../components/ui/badge';
import { Button } from '../../../../../components/ui/button';
import { ConfirmDialog } from '../../../../../components/ui/dialog';
import { EmptyState } from '../../../../../components/ui/empty-state';
import { NativeSelect } from '../../../../../components/ui/input';
import { SectionHeader } from '../../../../../components/ui/page-header';
import { QueryState } from '../../../../../components/ui/query-state';
import { Skeleton } from '../../../../../components/ui/skeleton';
import { ListTable, TableCell, TableRow } from '../../../../../components/ui/table';
import { useWorkspace } from '../../../../../components/workspace/workspace-context';
import { errorInfo } from '../../../../../lib/errors';
import { formatDate } from '../../../../../lib/format';
import { notifyFailure, notifySuccess } from '../../../../../lib/notify';
import { ROLES, ROLE_HELP, ROLE_LABEL, roleAtLeast } from '../../../../../lib/roles';
import { useSession } from '../../../../../lib/session';
import { useTRPC, type RouterOutputs } from '../../../../../lib/trpc';
import { LeaveWorkspaceButton } from '../leave-workspace';

type Member = RouterOutputs['workspace']['members'][number];

const MEMBER_COLUMNS = [
  { label: 'Name' },
  { label: 'Email', className: 'hidden sm:table-cell' },
  { label: 'Role' },
  { label: 'Joined', className: 'hidden md:table-cell' },
  { label: <span className="sr-only">Actions</span> },
];

export default function MembersPage() {
  const { workspace, role: myRole, can } = useWorkspace();
  const session = useSession();
  const me = session.status === 'signedIn' ? session.user.id : null;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const membersKey = trpc.workspace.members.queryKey({ workspaceId: workspace.id });
  const members = useQuery(trpc.workspace.members.queryOptions({ workspaceId: workspace.id }));
  const [removing, setRemoving] = useState<Member | null>(null);

  const optimistic = async (patch: (list: Member[]) => Member[]) => {
    await queryClient.cancelQueries({ queryKey: membersKey });
    const previous = queryClient.getQueryData(membersKey);
    queryClient.setQueryData(membersKey, (list) => (list ? patch(list) : list));
    return { previous };
  };
  const rollback = (context: { previous: Member[] | undefined } | undefined) => {
    if (context?.previous) queryClient.setQueryData(membersKey, context.previous);
  };
  const refused = (error: unknown) => {
    if (errorInfo(error).code === 'FORBIDDEN') {
      void queryClient.invalidateQueries(trpc.workspace.list.queryFilter());
    }
  };

  const setRole = useMutation(
    trpc.workspace.setRole.mutationOptions({
      onMutate: ({ userId, role }) =>
        optimistic((list) => list.map((m) => (m.userId === userId ? { ...m, role } : m))),
      onError: (error, _input, context) => {
        rollback(context);
        refused(error);
        notifyFailure('Changing the role', error);
      },
      onSuccess: (member) => notifySuccess(`${member.name} is now ${ROLE_LABEL[member.role]}`),
      onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey }),
    }),
  );
  const removeMember = useMutation(
    trpc.workspace.removeMember.mutationOptions({
      onMutate: ({ userId }) => optimistic((list) => list.filter((m) => m.userId !== userId)),
      onError: (error, _input, context) => {
        rollback(context);
        refused(error);
        notifyFailure('Removing the member', error);
      },
      onSuccess: () => notifySuccess('Member removed'),
      onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey }),
    }),
  );

  /** What the API would allow; the select offers only that. */
  const assignable = (member: Member): TRole[] => {
    if (!can('ADMIN') || member.userId === me) return [];
    if (member.role === 'OWNER' && myRole !== 'OWNER') return [];
    return ROLES.filter((r) => r !== 'OWNER' || myRole === 'OWNER');
  };

  return (
    <section aria-labelledby="members-heading" className="space-y-4">
      <SectionHeader
        id="members-heading"
        title="Members"
        description={
          can('ADMIN')
            ? 'Change roles or remove people. Owners alone manage other owners.'
            : 'Only admins and owners can change roles.'
        }
        actions={
          can('ADMIN') ? (
            <Button asChild variant="outline">
              <Link href={`/w/${workspace.slug}/settings/invitations`}>Invite people</Link>
            </Button>
          ) : null
        }
      />
      <QueryState
        query={members}
        what="Members"
        label="Loading members…"
        fallback={
          <div className="space-y-2">
            {Array.from({ length: 3 }, (_, i) => (
              <Skeleton key={i} className="h-12 w-full" />
            ))}
          </div>
        }
        empty={<EmptyState icon={<UsersIcon />} title="No members" />}
      >
        {(list) => (
          <ListTable
            caption={`Members of ${workspace.name}`}
            columns={MEMBER_COLUMNS}
            data-testid="members"
          >
            {list.map((member) => {
              const options = assignable(member);
              const isMe = member.userId === me;
              const canRemove =
                !isMe && can('ADMIN') && (member.role !== 'OWNER' || roleAtLeast(myRole, 'OWNER'));
              return (
                <TableRow key={member.userId} data-testid="member-row">
                  <TableCell>
                    <span className="font-medium">{member.name}</span>
                    {isMe ? (
                      <Badge variant="outline" className="ml-2">
                        you
                      </Badge>
                    ) : null}
                    <span className="block truncate text-xs text-muted-foreground sm:hidden">
                      {member.email}
                    </span>
                  </TableCell>
                  <TableCell className="hidden text-muted-foreground sm:table-cell">
                    {member.email}
                  </TableCell>
                  <TableCell>
                    {options.length > 0 ? (
                      <NativeSelect
                        aria-label={`Role of ${member.name}`}
                        value={member.role}
                        className="h-8 w-32"
                        onChange={(event) =>
                          setRole.mutate({
                            workspaceId: workspace.id,
                            userId: member.userId,
                            role: event.target.value as TRole,
                          })
                        }
                      >
                        {options.map((r) => (
                          <option key={r} value={r} title={ROLE_HELP[r]}>
                            {ROLE_LABEL[r]}
                          </option>
                        ))}
                      </NativeSelect>
                    ) : (
                      <span data-testid="member-role">{ROLE_LABEL[member.role]}</span>
                    )}
                  </TableCell>
                  <TableCell className="hidden whitespace-nowrap text-muted-foreground md:table-cell">
                    {formatDate(member.joinedAt)}
                  </TableCell>
                  <TableCell className="text-right">
                    {isMe ? (
                      <LeaveWorkspaceButton size="sm" variant="ghost">
                        Leave
                      </LeaveWorkspaceButton>
                    ) : canRemove ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => setRemoving(member)}
                        aria-label={`Remove ${member.name}`}
                      >
                        <UserMinusIcon aria-hidden="true" />
                        <span className="hidden sm:inline">Remove</span>
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </ListTable>
        )}
      </QueryState>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={`Remove ${removing?.name ?? 'member'}?`}
        description="They lose access to this workspace at once; items assigned to them become unassigned."
        confirmLabel="Remove"
        destructive
        onConfirm={() =>
          removing && removeMember.mutate({ workspaceId: workspace.id, userId: removing.userId })
        }
      />
    </section>
  );
}
