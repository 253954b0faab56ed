'use client';
import { useMutation } from '@tanstack/react-query';
import { MailCheckIcon } from 'lucide-react';
import Link from 'next/link';
import { ZUnsubscribeInput } from '../../lib/domain';
import { errorInfo } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { Alert, AlertTitle } from '../ui/alert';
import { Button } from '../ui/button';

/**
 * The landing page of a mail's unsubscribe link. Opening the link changes
 * nothing (mail scanners follow links); one click on the button unsubscribes.
 */
export function UnsubscribeConfirm({ token }: { token: string }) {
  const trpc = useTRPC();
  const unsubscribe = useMutation(trpc.notification.unsubscribe.mutationOptions());
  const valid = ZUnsubscribeInput.safeParse({ token }).success;

  if (unsubscribe.isSuccess) {
    return (
      <div role="status" className="space-y-3" data-testid="unsubscribed">
        <MailCheckIcon className="size-8 text-success" aria-hidden="true" />
        <h1 className="text-xl font-semibold">You are unsubscribed</h1>
        <p className="text-sm text-muted-foreground">
          Shipshape will send you no more email. Notifications stay in your inbox in the app; turn
          email back on in your notification settings.
        </p>
        <Button asChild variant="outline">
          <Link href="/account/notifications">Notification settings</Link>
        </Button>
      </div>
    );
  }
  if (!valid || unsubscribe.isError) {
    return (
      <Alert variant="destructive" role="alert">
        <AlertTitle>This unsubscribe link is not valid</AlertTitle>
        <p>
          {unsubscribe.error
            ? errorInfo(unsubscribe.error).message
            : 'The link is incomplete: open it again from the email.'}{' '}
          You can also turn email off in your{' '}
          <Link className="underline" href="/account/notifications">
            notification settings
          </Link>
          .
        </p>
      </Alert>
    );
  }
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">Stop Shipshape email?</h1>
      <p className="text-sm text-muted-foreground">
        You will get no more email from Shipshape. Notifications stay in your inbox in the app.
      </p>
      <Button
        pending={unsubscribe.isPending}
        disabled={unsubscribe.isPending}
        onClick={() => unsubscribe.mutate({ token })}
      >
        Unsubscribe from all email
      </Button>
    </div>
  );
}
