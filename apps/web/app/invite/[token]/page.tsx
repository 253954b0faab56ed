'use client';
import { ZAcceptInviteInput } from '../../../lib/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MailOpenIcon } from 'lucide-react';
import Link from 'next/link';
import { useParams, useRouter } from 'next/navigation';
import { Logo } from '../../../components/logo';
import { Alert, AlertTitle } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Skeleton } from '../../../components/ui/skeleton';
import { errorInfo } from '../../../lib/errors';
import { notifySuccess } from '../../../lib/notify';
import { ROLE_LABEL } from '../../../lib/roles';
import { safeNextPath } from '../../../lib/safe-next-path';
import { clearSession, useSession } from '../../../lib/session';
import { useTRPC } from '../../../lib/trpc';

export default function AcceptInvitationPage() {
  const { token } = useParams<{ token: string }>();
  const session = useSession();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const here = `/invite/${encodeURIComponent(token)}`;
  const valid = ZAcceptInviteInput.safeParse({ token }).success;
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
  } else if (session.status === 'loading') {
    body = (
      <div className="space-y-3" aria-busy="true">
        <Skeleton className="h-5 w-3/4" />
        <Skeleton className="h-10 w-full" />
      </div>
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
          You are signed in as <strong className="text-foreground">{session.user.email}</strong>.
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
    <main id="main" className="flex min-h-dvh flex-col items-center px-4 py-10 sm:justify-center">
      <Link href="/" className="mb-6 rounded-md">
        <Logo className="text-lg" />
      </Link>
      <div className="w-full max-w-sm rounded-xl border bg-card p-5 shadow-xs sm:p-6">
        <div className="mb-3 flex items-center gap-3">
          <MailOpenIcon className="size-6 text-primary" aria-hidden="true" />
          <h1 className="text-xl font-semibold">You&apos;re invited</h1>
        </div>
        <p className="mb-4 text-sm">Someone invited you to join their Shipshape workspace.</p>
        {body}
      </div>
    </main>
  );
}
