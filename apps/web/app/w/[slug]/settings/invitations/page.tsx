'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { ZInviteInput, type TRole } from '../../../../../lib/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MailIcon, ShieldAlertIcon } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { choicesOf, Options } from '../../../../../components/form/select-field';
import { Alert } from '../../../../../components/ui/alert';
import { Button } from '../../../../../components/ui/button';
import { EmptyState } from '../../../../../components/ui/empty-state';
import { FormField } from '../../../../../components/ui/form-field';
import { Input, NativeSelect } from '../../../../../components/ui/input';
import { QueryState } from '../../../../../components/ui/query-state';
import { SettingsCard } from '../../../../../components/ui/settings-card';
import { ShownOnce } from '../../../../../components/ui/shown-once';
import { Skeleton } from '../../../../../components/ui/skeleton';
import { useWorkspace } from '../../../../../components/workspace/workspace-context';
import { errorInfo } from '../../../../../lib/errors';
import { applyServerErrors } from '../../../../../lib/form-errors';
import {
  formatDate,
  formatDateTime,
  formatRelative,
  type DateInput,
} from '../../../../../lib/format';
import { notifyFailure, notifySuccess } from '../../../../../lib/notify';
import { ROLES, ROLE_HELP, ROLE_LABEL } from '../../../../../lib/roles';
import { useTRPC } from '../../../../../lib/trpc';

function CopyableLink({
  url,
  expiresAt,
  email,
}: {
  url: string;
  expiresAt: DateInput;
  email: string;
}) {
  return (
    <ShownOnce
      title={`Invitation link for ${email}`}
      label="Invitation link"
      value={url}
      testId="invite-link-panel"
      valueTestId="invite-link"
    >
      Send this link to them. It works once, for that email address, until{' '}
      {formatDateTime(expiresAt)}.
    </ShownOnce>
  );
}

function InviteForm({
  onInvited,
}: {
  onInvited: (link: { url: string; expiresAt: DateInput; email: string }) => void;
}) {
  const { workspace, role } = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    resolver: zodResolver(ZInviteInput),
    defaultValues: { workspaceId: workspace.id, email: '', role: 'MEMBER' as TRole },
  });
  const invite = useMutation(
    trpc.workspace.invite.mutationOptions({
      onSuccess: async (result, input) => {
        onInvited({
          url: `${window.location.origin}/invite/${result.token}`,
          expiresAt: result.expiresAt,
          email: input.email,
        });
        form.reset({ workspaceId: workspace.id, email: '', role: input.role });
        await queryClient.invalidateQueries(
          trpc.workspace.invitations.queryFilter({ workspaceId: workspace.id }),
        );
      },
      onError: (error) => {
        if (errorInfo(error).code === 'FORBIDDEN') {
          void queryClient.invalidateQueries(trpc.workspace.list.queryFilter());
        }
        applyServerErrors(form.setError, error, ['email', 'role']);
      },
    }),
  );
  const roles = ROLES.filter((r) => r !== 'OWNER' || role === 'OWNER');
  const selected = form.watch('role');
  return (
    <form
      noValidate
      aria-label="Invite someone"
      onSubmit={form.handleSubmit((values) => invite.mutate(values))}
    >
      <div className="grid gap-2 sm:grid-cols-[1fr_12rem]">
        <FormField label="Email address" error={form.formState.errors.email?.message}>
          <Input
            type="email"
            autoComplete="off"
            placeholder="name@example.com"
            {...form.register('email')}
          />
        </FormField>
        <FormField
          label="Role"
          hint={ROLE_HELP[selected]}
          error={form.formState.errors.role?.message}
        >
          <NativeSelect {...form.register('role')}>
            <Options choices={choicesOf(roles, ROLE_LABEL)} />
          </NativeSelect>
        </FormField>
      </div>
      {form.formState.errors.root?.server?.message ? (
        <Alert variant="destructive" role="alert" className="mb-3">
          {form.formState.errors.root.server.message}
        </Alert>
      ) : null}
      <Button type="submit" pending={invite.isPending} disabled={invite.isPending}>
        {invite.isPending ? null : <MailIcon aria-hidden="true" />}
        Create invitation link
      </Button>
    </form>
  );
}

function PendingInvitations() {
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { workspaceId: workspace.id };
  const key = trpc.workspace.invitations.queryKey(input);
  const invitations = useQuery(trpc.workspace.invitations.queryOptions(input));
  const revoke = useMutation(
    trpc.workspace.revokeInvite.mutationOptions({
      onMutate: async ({ invitationId }) => {
        await queryClient.cancelQueries({ queryKey: key });
        const previous = queryClient.getQueryData(key);
        queryClient.setQueryData(key, (list) => list?.filter((i) => i.id !== invitationId));
        return { previous };
      },
      onError: (error, _input, context) => {
        if (context?.previous) queryClient.setQueryData(key, context.previous);
        notifyFailure('Revoking the invitation', error);
      },
      onSuccess: () => notifySuccess('Invitation revoked'),
      onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
    }),
  );
  return (
    <QueryState
      query={invitations}
      what="Invitations"
      label="Loading invitations…"
      fallback={<Skeleton className="h-24 w-full" />}
      empty={
        <EmptyState icon={<MailIcon />} title="No pending invitations">
          Invitations that are accepted, revoked or expired leave this list.
        </EmptyState>
      }
    >
      {(list) => (
        <ul className="divide-y rounded-xl border bg-card" data-testid="pending-invitations">
          {list.map((invitation) => (
            <li
              key={invitation.id}
              className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3"
            >
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium">{invitation.email}</p>
                <p className="text-xs text-muted-foreground">
                  {ROLE_LABEL[invitation.role]} · sent {formatDate(invitation.createdAt)} · expires{' '}
                  {formatRelative(invitation.expiresAt)}
                </p>
              </div>
              <Button
                size="sm"
                variant="outline"
                onClick={() =>
                  revoke.mutate({ workspaceId: workspace.id, invitationId: invitation.id })
                }
                aria-label={`Revoke the invitation for ${invitation.email}`}
              >
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
    </QueryState>
  );
}

export default function InvitationsPage() {
  const { can } = useWorkspace();
  const [link, setLink] = useState<{ url: string; expiresAt: DateInput; email: string } | null>(
    null,
  );
  if (!can('ADMIN')) {
    return (
      <EmptyState icon={<ShieldAlertIcon />} title="Only admins and owners manage invitations">
        Ask an admin of this workspace to invite the people you want to add.
      </EmptyState>
    );
  }
  return (
    <div className="grid max-w-3xl gap-4">
      <SettingsCard
        title="Invite someone"
        description="Shipshape does not send email: it makes a link for you to send. The person signs in (or signs up) with the invited address and joins with the role you pick."
        contentClassName="space-y-4"
      >
        <InviteForm onInvited={setLink} />
        {link ? <CopyableLink {...link} /> : null}
      </SettingsCard>
      <section aria-labelledby="pending-heading" className="space-y-2">
        <h2 id="pending-heading" className="text-lg font-semibold">
          Pending invitations
        </h2>
        <PendingInvitations />
      </section>
    </div>
  );
}
