'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { useForm } from 'react-hook-form';
import { dateInputError } from '../../lib/date-input';
import { applyServerErrors } from '../../lib/form-errors';
import { notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { FormCard } from '../form/form-card';
import { SubmitRow } from '../form/submit';
import { FormField } from '../ui/form-field';
import { Input } from '../ui/input';
import { ZRecordForm } from './kpi-form-schemas';
import { useRefreshKpis, type Kpi } from './use-refresh-kpis';

const EMPTY = { value: '', at: '', note: '' };

/** Adds one measurement to a KPI. "Measured at" left empty means now. */
export function RecordForm({ kpi }: { kpi: Kpi }) {
  const trpc = useTRPC();
  const refresh = useRefreshKpis();
  const form = useForm({ resolver: zodResolver(ZRecordForm), defaultValues: EMPTY });
  const atInput = useRef<HTMLInputElement | null>(null);
  const record = useMutation(
    trpc.kpi.record.mutationOptions({
      onSuccess: () => {
        // Back to "now" for the next value, not the time just used.
        form.reset(EMPTY);
        notifySuccess(`Recorded a value for ${kpi.name}`);
        void refresh();
      },
      onError: (error) => applyServerErrors(form.setError, error, ['value', 'note']),
    }),
  );
  const submit = form.handleSubmit(({ value, at, note }) => {
    // A half-typed date reads as "" in the value; only the input knows it is incomplete.
    const problem = dateInputError(at, atInput.current?.validity.badInput);
    if (problem) {
      form.setError('at', { type: 'validate', message: problem });
      return;
    }
    if (value === undefined) return;
    record.mutate({
      kpiId: kpi.id,
      value,
      ...(at ? { recordedAt: new Date(at) } : {}),
      ...(note ? { note } : {}),
    });
  });
  const errors = form.formState.errors;
  const { ref: atRef, ...atField } = form.register('at');
  const filled = form.watch('value').trim() !== '';

  return (
    <FormCard
      title="Record a value"
      onSubmit={submit}
      className="grid content-start gap-1 rounded-lg border p-3"
    >
      <div className="grid gap-x-2 sm:grid-cols-2">
        <FormField label={`Value${kpi.unit ? ` (${kpi.unit})` : ''}`} error={errors.value?.message}>
          <Input {...form.register('value')} inputMode="decimal" />
        </FormField>
        <FormField label="Measured at" hint="Empty means now" error={errors.at?.message}>
          <Input
            {...atField}
            ref={(element) => {
              atRef(element);
              atInput.current = element;
            }}
            type="datetime-local"
            min="1900-01-01T00:00"
            max="9999-12-31T23:59"
          />
        </FormField>
      </div>
      <FormField label="Note" error={errors.note?.message}>
        <Input {...form.register('note')} />
      </FormField>
      <SubmitRow error={errors.root?.server?.message} pending={record.isPending} disabled={!filled}>
        Record value
      </SubmitRow>
    </FormCard>
  );
}
