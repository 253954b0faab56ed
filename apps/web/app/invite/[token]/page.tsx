'use client';
import { ZAcceptInviteInput } from '../../../lib/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MailOpenIcon } from 'lucide-react';
import Link from 'next/link';
import { useParams, useRouter } from 'next/navigation';
import { Alert, AlertTitle } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CenteredCardPage } from '../../../components/ui/centered-card-page';
import { LoadingState, QueryError, type QueryLike } from '../../../components/ui/query-state';
import { Skeleton } from '../../../components/ui/skeleton';
import { errorInfo } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { ROLE_HELP, ROLE_LABEL } from '../../../lib/roles';
import { safeNextPath } from '../../../lib/safe-next-path';
import { clearSession, useSession } from '../../../lib/session';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';

type Preview = RouterOutputs['workspace']['previewInvite'];

export default function AcceptInvitationPage() {
  const { token } = useParams<{ token: string }>();
  const session = useSession();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const here = `/invite/${encodeURIComponent(token)}`;
  const valid = ZAcceptInviteInput.safeParse({ token }).success;
  // What the link offers, shown before signing in or accepting.
  const preview = useQuery({
    ...trpc.workspace.previewInvite.queryOptions({ token }),
    enabled: valid,
    staleTime: 60_000,
  });
  const previewFailure = preview.error ? errorInfo(preview.error) : null;
  const unusable =
    previewFailure?.code === 'NOT_FOUND' ||
    (preview.data !== undefined && preview.data.status !== 'pending');
  const accept = useMutation(
    trpc.workspace.acceptInvite.mutationOptions({
      onSuccess: async (workspace) => {
        await queryClient.invalidateQueries(trpc.workspace.list.queryFilter());
        notifySuccess(
          `Welcome to ${workspace.name}`,
          `You joined as ${ROLE_LABEL[workspace.role]}.`,
        );
        router.replace(safeNextPath(`/w/${encodeURIComponent(workspace.slug)}`));
      },
    }),
  );
  const failure = accept.error ? errorInfo(accept.error) : null;
  const switchAccount = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        clearSession(false);
        router.replace(`/sign-in?next=${encodeURIComponent(here)}`);
      },
    }),
  );

  let body: React.ReactNode;
  if (!valid) {
    body = (
      <Alert variant="destructive" role="alert">
        <AlertTitle>This invitation link is incomplete</AlertTitle>
        Copy the whole link from the message you received, or ask for a new one.
      </Alert>
    );
  } else if (unusable) {
    body = null;
  } else if (session.status === 'loading') {
    body = (
      <LoadingState label="Checking whether you are signed in…">
        <Skeleton className="h-5 w-3/4" />
        <Skeleton className="h-10 w-full" />
      </LoadingState>
    );
  } else if (session.status === 'signedOut') {
    body = (
      <div className="space-y-4">
        <p className="text-sm text-muted-foreground">
          Sign in, or create an account, with the email address the invitation was sent to. You come
          back here to accept it.
        </p>
        <div className="flex flex-col gap-2">
          <Button asChild>
            <Link href={`/sign-up?next=${encodeURIComponent(here)}`}>Create an account</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href={`/sign-in?next=${encodeURIComponent(here)}`}>Sign in</Link>
          </Button>
        </div>
      </div>
    );
  } else {
    body = (
      <div className="space-y-4">
        <p className="text-sm text-muted-foreground">
          You are signed in as{' '}
          <strong className="break-all text-foreground">{session.user.email}</strong>.
        </p>
        {failure ? (
          <Alert variant="destructive" role="alert">
            <AlertTitle>The invitation could not be accepted</AlertTitle>
            {failure.code === 'NOT_FOUND'
              ? 'This invitation does not exist or was revoked. Ask for a new one.'
              : failure.message}
          </Alert>
        ) : null}
        <Button
          pending={accept.isPending}
          className="w-full"
          onClick={() => accept.mutate({ token })}
          disabled={accept.isPending || accept.isSuccess}
        >
          Accept invitation
        </Button>
        {failure?.code === 'FORBIDDEN' ? (
          <Button
            variant="outline"
            className="w-full"
            onClick={() => switchAccount.mutate({})}
            disabled={switchAccount.isPending}
          >
            Use another account
          </Button>
        ) : null}
      </div>
    );
  }

  return (
    <CenteredCardPage>
      <div className="mb-3 flex items-center gap-3">
        <MailOpenIcon className="size-6 text-primary" aria-hidden="true" />
        <h1 className="text-xl font-semibold">You&apos;re invited</h1>
      </div>
      {valid ? <InvitationSummary query={preview} /> : null}
      {body}
    </CenteredCardPage>
  );
}

/** Who invited you, to which workspace, as what; or why the link cannot be used. */
function InvitationSummary({ query }: { query: QueryLike<Preview> }) {
  const { data: preview, error } = query;
  if (error) {
    if (errorInfo(error).code === 'NOT_FOUND') {
      return (
        <Alert variant="destructive" role="alert">
          <AlertTitle>This invitation does not exist or was revoked</AlertTitle>
          Ask the person who invited you for a new link.
        </Alert>
      );
    }
    return <QueryError className="mb-4" what="The invitation" query={query} />;
  }
  if (!preview) {
    return (
      <LoadingState label="Loading the invitation…" className="mb-4">
        <Skeleton className="h-5 w-full" />
        <Skeleton className="h-4 w-2/3" />
      </LoadingState>
    );
  }
  const role = ROLE_LABEL[preview.role];
  if (preview.status !== 'pending') {
    return (
      <Alert variant="warning" role="alert" data-testid="invitation-summary">
        <AlertTitle>
          {preview.status === 'accepted'
            ? 'This invitation was already accepted'
            : 'This invitation has expired'}
        </AlertTitle>
        It invited you to join {preview.workspaceName} as {role}. Ask {preview.inviterName} for a
        new one if you still need access.
      </Alert>
    );
  }
  return (
    <div className="mb-4 space-y-1.5 text-sm" data-testid="invitation-summary">
      <p>
        <strong>{preview.inviterName}</strong> invited you to join{' '}
        <strong>{preview.workspaceName}</strong> as <strong>{role}</strong>.
      </p>
      <p className="text-muted-foreground">
        {role}: {ROLE_HELP[preview.role]} The invitation expires on {formatDate(preview.expiresAt)}.
      </p>
    </div>
  );
}
