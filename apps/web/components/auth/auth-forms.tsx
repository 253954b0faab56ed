'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { ZLoginInput, ZRegisterInput, passwordWeakness } from '../../lib/domain';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { errorInfo } from '../../lib/errors';
import { applyServerErrors } from '../../lib/form-errors';
import { setSession, useSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { safeNextPath } from '../../lib/safe-next-path';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { FormField } from '../ui/form-field';
import { Input } from '../ui/input';

/** Where to go after signing in or up: `?next=` when it is a path on this origin, else home. */
function useNext(): string {
  const searchParams = useSearchParams();
  return safeNextPath(searchParams.get('next'));
}

function withNext(path: string, next: string): string {
  return next === '/' ? path : `${path}?next=${encodeURIComponent(next)}`;
}

/** Already signed in (e.g. back button): go where the user was heading. */
function useLeaveWhenSignedIn(next: string): boolean {
  const session = useSession();
  const router = useRouter();
  useEffect(() => {
    if (session.status === 'signedIn') router.replace(next);
  }, [session.status, next, router]);
  return session.status === 'signedIn';
}

export function SignInForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const searchParams = useSearchParams();
  const next = useNext();
  const expired = searchParams.get('expired') === '1';
  useLeaveWhenSignedIn(next);
  const form = useForm({
    resolver: zodResolver(ZLoginInput),
    defaultValues: { email: '', password: '' },
  });
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (session) => {
        setSession(session);
        router.replace(next);
      },
      onError: (error) => applyServerErrors(form.setError, error, ['email', 'password']),
    }),
  );
  const rootError = form.formState.errors.root?.server?.message;

  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
      <p className="mb-4 text-sm text-muted-foreground">Welcome back to Shipshape.</p>
      {expired ? (
        <Alert variant="warning" className="mb-4" role="status">
          Your session has ended. Sign in again to continue where you were.
        </Alert>
      ) : null}
      <form noValidate onSubmit={form.handleSubmit((values) => login.mutate(values))}>
        <div className="grid gap-2">
          <FormField label="Email" error={form.formState.errors.email?.message}>
            <Input type="email" autoComplete="email" autoFocus {...form.register('email')} />
          </FormField>
          <FormField label="Password" error={form.formState.errors.password?.message}>
            <Input type="password" autoComplete="current-password" {...form.register('password')} />
          </FormField>
        </div>
        {rootError ? (
          <Alert variant="destructive" role="alert" className="mb-3">
            {rootError}
          </Alert>
        ) : null}
        <Button
          pending={login.isPending}
          type="submit"
          className="w-full"
          disabled={login.isPending}
        >
          Sign in
        </Button>
      </form>
      <p className="mt-4 text-center text-sm text-muted-foreground">
        New here?{' '}
        <Link
          className="font-medium text-primary underline-offset-4 hover:underline"
          href={withNext('/sign-up', next)}
        >
          Create an account
        </Link>
      </p>
    </>
  );
}

export function SignUpForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const next = useNext();
  useLeaveWhenSignedIn(next);
  const form = useForm({
    resolver: zodResolver(ZRegisterInput),
    defaultValues: { name: '', email: '', password: '' },
  });
  const register = useMutation(
    trpc.auth.register.mutationOptions({
      onSuccess: (session) => {
        setSession(session);
        router.replace(next === '/' ? '/workspaces/new' : next);
      },
      onError: (error) => {
        const info = errorInfo(error);
        if (info.code === 'CONFLICT') {
          form.setError('email', { type: 'server', message: info.message });
        } else if (/^Password /.test(info.message)) {
          form.setError('password', {
            type: 'server',
            message: info.message.replace(/^Password /, ''),
          });
        } else {
          applyServerErrors(form.setError, error, ['name', 'email', 'password']);
        }
      },
    }),
  );
  const rootError = form.formState.errors.root?.server?.message;

  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Create your account</h1>
      <p className="mb-4 text-sm text-muted-foreground">
        Track your ML projects along the end-to-end checklist.
      </p>
      <form
        noValidate
        onSubmit={form.handleSubmit((values) => {
          const weakness = passwordWeakness(values.password, values.email, values.name);
          if (weakness) {
            form.setError('password', { type: 'weak', message: weakness });
            return;
          }
          register.mutate(values);
        })}
      >
        <div className="grid gap-2">
          <FormField label="Name" error={form.formState.errors.name?.message}>
            <Input autoComplete="name" autoFocus {...form.register('name')} />
          </FormField>
          <FormField label="Email" error={form.formState.errors.email?.message}>
            <Input type="email" autoComplete="email" {...form.register('email')} />
          </FormField>
          <FormField
            label="Password"
            hint="At least 10 characters, without your name or email."
            error={form.formState.errors.password?.message}
          >
            <Input type="password" autoComplete="new-password" {...form.register('password')} />
          </FormField>
        </div>
        {rootError ? (
          <Alert variant="destructive" role="alert" className="mb-3">
            {rootError}
          </Alert>
        ) : null}
        <Button
          pending={register.isPending}
          type="submit"
          className="w-full"
          disabled={register.isPending}
        >
          Create account
        </Button>
      </form>
      <p className="mt-4 text-center text-sm text-muted-foreground">
        Already have an account?{' '}
        <Link
          className="font-medium text-primary underline-offset-4 hover:underline"
          href={withNext('/sign-in', next)}
        >
          Sign in
        </Link>
      </p>
    </>
  );
}
