'use client';
import type { TRole } from '@shipshape/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LogOutIcon, UserMinusIcon, UsersIcon } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Badge } from '../../../../../components/ui/badge';
import { Button } from '../../../../../components/ui/button';
import { ConfirmDialog } from '../../../../../components/ui/dialog';
import { EmptyState } from '../../../../../components/ui/empty-state';
import { NativeSelect } from '../../../../../components/ui/input';
import { QueryState } from '../../../../../components/ui/query-state';
import { Skeleton } from '../../../../../components/ui/skeleton';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../../../components/ui/table';
import { useWorkspace } from '../../../../../components/workspace/workspace-context';
import { errorInfo } from '../../../../../lib/errors';
import { formatDate } from '../../../../../lib/format';
import { notifyFailure, notifySuccess } from '../../../../../lib/notify';
import { ROLES, ROLE_HELP, ROLE_LABEL, roleAtLeast } from '../../../../../lib/roles';
import { useSession } from '../../../../../lib/session';
import { useTRPC, type RouterOutputs } from '../../../../../lib/trpc';

type Member = RouterOutputs['workspace']['members'][number];

export default function MembersPage() {
  const { workspace, role: myRole, can } = useWorkspace();
  const session = useSession();
  const me = session.status === 'signedIn' ? session.user.id : null;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const membersKey = trpc.workspace.members.queryKey({ workspaceId: workspace.id });
  const members = useQuery(trpc.workspace.members.queryOptions({ workspaceId: workspace.id }));
  const [removing, setRemoving] = useState<Member | null>(null);
  const [leaving, setLeaving] = useState(false);

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
  const leave = useMutation(
    trpc.workspace.leave.mutationOptions({
      onSuccess: async () => {
        notifySuccess(`You left ${workspace.name}`);
        await queryClient.invalidateQueries(trpc.workspace.list.queryFilter());
        router.replace('/');
      },
      onError: (error) => notifyFailure('Leaving the workspace', error),
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
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="members-heading" className="text-lg font-semibold">
            Members
          </h2>
          <p className="text-sm text-muted-foreground">
            {can('ADMIN')
              ? 'Change roles or remove people. Owners alone manage other owners.'
              : 'Only admins and owners can change roles.'}
          </p>
        </div>
        {can('ADMIN') ? (
          <Button asChild variant="outline">
            <Link href={`/w/${workspace.slug}/settings/invitations`}>Invite people</Link>
          </Button>
        ) : null}
      </div>
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
      >
        {(list) =>
          list.length === 0 ? (
            <EmptyState icon={<UsersIcon />} title="No members" />
          ) : (
            <Table containerClassName="rounded-xl border bg-card" data-testid="members">
              <caption className="sr-only">Members of {workspace.name}</caption>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead scope="col">Name</TableHead>
                  <TableHead scope="col" className="hidden sm:table-cell">
                    Email
                  </TableHead>
                  <TableHead scope="col">Role</TableHead>
                  <TableHead scope="col" className="hidden md:table-cell">
                    Joined
                  </TableHead>
                  <TableHead scope="col">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.map((member) => {
                  const options = assignable(member);
                  const isMe = member.userId === me;
                  const canRemove =
                    !isMe &&
                    can('ADMIN') &&
                    (member.role !== 'OWNER' || roleAtLeast(myRole, 'OWNER'));
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
                          <Button size="sm" variant="ghost" onClick={() => setLeaving(true)}>
                            <LogOutIcon aria-hidden="true" />
                            Leave
                          </Button>
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
              </TableBody>
            </Table>
          )
        }
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
      <ConfirmDialog
        open={leaving}
        onOpenChange={setLeaving}
        title={`Leave ${workspace.name}?`}
        description="You will lose access to its projects until someone invites you again."
        confirmLabel="Leave"
        destructive
        onConfirm={() => leave.mutate({ workspaceId: workspace.id })}
      />
    </section>
  );
}
