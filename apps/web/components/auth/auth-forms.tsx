'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { ZLoginInput, ZRegisterInput, passwordWeakness } from '../../lib/domain';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, type FormEventHandler, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { errorInfo } from '../../lib/errors';
import { applyServerErrors } from '../../lib/form-errors';
import { setSession, useSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { safeNextPath } from '../../lib/safe-next-path';
import { FormRootError, SubmitButton } from '../form/submit';
import { Alert } from '../ui/alert';
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

/** The line under each form that leads to the other one. */
const OTHER_FORM = {
  '/sign-up': ['New here?', 'Create an account'],
  '/sign-in': ['Already have an account?', 'Sign in'],
} as const;

/**
 * The frame of both auth forms: heading and intro, the fields, the refusal
 * that belongs to no field, the submit button, and the way to the other form.
 */
function AuthFrame({
  title,
  intro,
  notice,
  onSubmit,
  rootError,
  pending,
  submitLabel,
  other,
  children,
}: {
  title: string;
  intro: string;
  /** Shown above the form (e.g. "your session has ended"). */
  notice?: ReactNode;
  onSubmit: FormEventHandler<HTMLFormElement>;
  rootError: string | undefined;
  pending: boolean;
  submitLabel: string;
  /** The other form, linked at the bottom ("New here? Create an account"), keeping `?next=`. */
  other: keyof typeof OTHER_FORM;
  children: ReactNode;
}) {
  const next = useNext();
  const [question, label] = OTHER_FORM[other];
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">{title}</h1>
      <p className="mb-4 text-sm text-muted-foreground">{intro}</p>
      {notice}
      <form noValidate onSubmit={onSubmit}>
        <div className="grid gap-2">{children}</div>
        <FormRootError message={rootError} className="mb-3" />
        <SubmitButton pending={pending} className="w-full">
          {submitLabel}
        </SubmitButton>
      </form>
      <p className="mt-4 text-center text-sm text-muted-foreground">
        {question}{' '}
        <Link
          className="font-medium text-primary underline-offset-4 hover:underline"
          href={withNext(other, next)}
        >
          {label}
        </Link>
      </p>
    </>
  );
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

  return (
    <AuthFrame
      title="Sign in"
      intro="Welcome back to Shipshape."
      other="/sign-up"
      notice={
        expired ? (
          <Alert variant="warning" className="mb-4" role="status">
            Your session has ended. Sign in again to continue where you were.
          </Alert>
        ) : null
      }
      onSubmit={form.handleSubmit((values) => login.mutate(values))}
      rootError={form.formState.errors.root?.server?.message}
      pending={login.isPending}
      submitLabel="Sign in"
    >
      <FormField label="Email" error={form.formState.errors.email?.message}>
        <Input type="email" autoComplete="email" autoFocus {...form.register('email')} />
      </FormField>
      <FormField label="Password" error={form.formState.errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...form.register('password')} />
      </FormField>
    </AuthFrame>
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
  const errors = form.formState.errors;

  return (
    <AuthFrame
      title="Create your account"
      intro="Track your ML projects along the end-to-end checklist."
      other="/sign-in"
      onSubmit={form.handleSubmit((values) => {
        const weakness = passwordWeakness(values.password, values.email, values.name);
        if (weakness) {
          form.setError('password', { type: 'weak', message: weakness });
          return;
        }
        register.mutate(values);
      })}
      rootError={errors.root?.server?.message}
      pending={register.isPending}
      submitLabel="Create account"
    >
      <FormField label="Name" error={errors.name?.message}>
        <Input autoComplete="name" autoFocus {...form.register('name')} />
      </FormField>
      <FormField label="Email" error={errors.email?.message}>
        <Input type="email" autoComplete="email" {...form.register('email')} />
      </FormField>
      <FormField
        label="Password"
        hint="At least 10 characters, without your name or email."
        error={errors.password?.message}
      >
        <Input type="password" autoComplete="new-password" {...form.register('password')} />
      </FormField>
    </AuthFrame>
  );
}
