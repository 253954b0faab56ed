'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { DIGEST_KINDS, NOTIFICATION_KINDS } from '@shipshape/domain/notifications/sentences';
import type { TNotificationChannel, TNotificationKind } from '@shipshape/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MailXIcon } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ZNotificationChannel, ZNotificationKind, ZTimeZone } from '../../lib/domain';
import { applyServerErrors } from '../../lib/form-errors';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { choicesOf, Options } from '../form/select-field';
import { SubmitRow } from '../form/submit';
import { Alert, AlertTitle } from '../ui/alert';
import { Button } from '../ui/button';
import { FormField } from '../ui/form-field';
import { NativeSelect } from '../ui/input';
import { QueryState } from '../ui/query-state';
import { SettingsCard } from '../ui/settings-card';
import { Skeleton } from '../ui/skeleton';

type Preferences = RouterOutputs['notification']['preferences'];

const ZSettingsForm = z.object({
  channels: z.record(ZNotificationKind, ZNotificationChannel),
  timeZone: ZTimeZone,
  digestHour: z.number().int().min(0).max(23),
});
type SettingsForm = z.infer<typeof ZSettingsForm>;

const KIND_LABEL: Record<TNotificationKind, string> = {
  ASSIGNED: 'An item is assigned to you',
  UNASSIGNED: 'You are unassigned from an item',
  MENTIONED: 'Someone mentions you in a comment',
  COMMENTED: 'A comment on an item you watch or are assigned to',
  STATUS_CHANGED: 'A status change on an item you watch or are assigned to',
  DUE_SOON: 'An item of yours is due tomorrow',
  OVERDUE: 'An item of yours is overdue',
  INVITATION_ACCEPTED: 'Someone accepts your invitation',
  KPI_OFF_TRACK: 'A KPI of a project you watch goes off track',
};
const CHANNEL_LABEL: Record<TNotificationChannel, string> = {
  IN_APP: 'In the app',
  EMAIL: 'In the app and by email',
  OFF: 'Off',
};
const CHANNELS = choicesOf(ZNotificationChannel.options, CHANNEL_LABEL);
const HOURS = Array.from({ length: 24 }, (_, hour) => ({
  value: String(hour),
  label: `${String(hour).padStart(2, '0')}:00`,
}));

/** The browser's time zone, the digest's default until the person picks one. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function timeZoneChoices(current: string) {
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([current, 'UTC', ...zones])]
    .sort()
    .map((zone) => ({ value: zone, label: zone }));
}

/** The person's notification settings: where each kind goes, and the daily digest. */
export function NotificationSettings() {
  const trpc = useTRPC();
  const preferences = useQuery(trpc.notification.preferences.queryOptions());
  return (
    <QueryState
      query={preferences}
      what="Notification settings"
      label="Loading notification settings…"
      fallback={<Skeleton className="h-96 w-full" />}
    >
      {(data) => <SettingsFormCard preferences={data} />}
    </QueryState>
  );
}

function SettingsFormCard({ preferences }: { preferences: Preferences }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The server's default is UTC; until the person saves a zone, offer the browser's.
  const timeZone = preferences.timeZone === 'UTC' ? browserTimeZone() : preferences.timeZone;
  const form = useForm<SettingsForm>({
    resolver: zodResolver(ZSettingsForm),
    defaultValues: { channels: preferences.channels, timeZone, digestHour: preferences.digestHour },
  });
  const saved = (next: Preferences) =>
    queryClient.setQueryData(trpc.notification.preferences.queryKey(), next);
  const save = useMutation(
    trpc.notification.setPreferences.mutationOptions({
      onSuccess: (next) => {
        saved(next);
        form.reset({
          channels: next.channels,
          timeZone: next.timeZone,
          digestHour: next.digestHour,
        });
        notifySuccess('Notification settings saved');
      },
      onError: (error) =>
        applyServerErrors(form.setError, error, ['timeZone', 'digestHour', 'channels']),
    }),
  );
  const resubscribe = useMutation(
    trpc.notification.setPreferences.mutationOptions({
      onSuccess: (next) => {
        saved(next);
        notifySuccess('Email is back on');
      },
      onError: (error) => notifyFailure('Turning email back on', error),
    }),
  );
  const errors = form.formState.errors;

  return (
    <form
      noValidate
      aria-label="Notification settings"
      className="grid gap-4"
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      {preferences.emailEnabled ? null : (
        <Alert variant="info" role="note" data-testid="email-off">
          <AlertTitle>Email is off on this server</AlertTitle>
          <p>
            No mail server is set up (SMTP_URL), so notifications reach you only in the app. Your
            email choices below take effect once an administrator turns email on.
          </p>
        </Alert>
      )}
      {preferences.unsubscribedAt ? (
        <Alert variant="warning" role="note">
          <AlertTitle>You unsubscribed from all Shipshape email</AlertTitle>
          <p>Notifications still reach you in the app.</p>
          <Button
            type="button"
            size="sm"
            className="mt-2"
            pending={resubscribe.isPending}
            disabled={resubscribe.isPending}
            onClick={() => resubscribe.mutate({ resubscribe: true })}
          >
            <MailXIcon aria-hidden="true" />
            Turn email back on
          </Button>
        </Alert>
      ) : null}
      <SettingsCard
        title="What reaches you"
        description="For each kind of event: in the app only, in the app and by email, or not at all."
        contentClassName="grid gap-1 sm:grid-cols-2 sm:gap-x-6"
      >
        {NOTIFICATION_KINDS.map((kind) => (
          <FormField
            key={kind}
            label={KIND_LABEL[kind]}
            hint={DIGEST_KINDS.includes(kind) ? 'Email comes in the daily digest.' : undefined}
            error={errors.channels?.[kind]?.message}
          >
            <NativeSelect {...form.register(`channels.${kind}`)}>
              <Options choices={CHANNELS} />
            </NativeSelect>
          </FormField>
        ))}
      </SettingsCard>
      <SettingsCard
        title="Daily digest"
        description="One email a day with your items due tomorrow and overdue, at the hour you choose."
        contentClassName="grid gap-2 sm:grid-cols-2 sm:gap-x-6"
      >
        <FormField label="Time zone" error={errors.timeZone?.message}>
          <NativeSelect {...form.register('timeZone')}>
            <Options choices={timeZoneChoices(timeZone)} />
          </NativeSelect>
        </FormField>
        <FormField label="Hour" error={errors.digestHour?.message}>
          <NativeSelect {...form.register('digestHour', { valueAsNumber: true })}>
            <Options choices={HOURS} />
          </NativeSelect>
        </FormField>
      </SettingsCard>
      <SubmitRow
        pending={save.isPending}
        error={errors.root?.server?.message}
        className="justify-self-start"
      >
        Save settings
      </SubmitRow>
    </form>
  );
}
