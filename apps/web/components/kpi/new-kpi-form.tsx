'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { applyServerErrors } from '../../lib/form-errors';
import { KPI_DIRECTIONS, KPI_DIRECTION_LABEL, KPI_KINDS, KPI_KIND_LABEL } from '../../lib/items';
import { notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { FormCard } from '../form/form-card';
import { choicesOf, Options } from '../form/select-field';
import { SubmitRow } from '../form/submit';
import { FormField } from '../ui/form-field';
import { Input, NativeSelect } from '../ui/input';
import { ZNewKpiForm } from './kpi-form-schemas';
import { useRefreshKpis } from './use-refresh-kpis';

const KIND_CHOICES = choicesOf(KPI_KINDS, KPI_KIND_LABEL);
const DIRECTION_CHOICES = choicesOf(KPI_DIRECTIONS, KPI_DIRECTION_LABEL);

/** Defines a KPI: its name, kind, unit, which way is better, and optionally a baseline and a target. */
export function NewKpiForm({
  projectId,
  onDone,
}: {
  projectId: string;
  onDone: (id: string) => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshKpis();
  const form = useForm({
    resolver: zodResolver(ZNewKpiForm),
    defaultValues: {
      name: '',
      kind: 'MODEL' as const,
      unit: '',
      direction: 'HIGHER_IS_BETTER' as const,
      baseline: '',
      target: '',
    },
  });
  const create = useMutation(
    trpc.kpi.create.mutationOptions({
      onSuccess: async (kpi) => {
        await refresh();
        notifySuccess(`KPI “${kpi.name}” created`);
        onDone(kpi.id);
      },
      onError: (error) =>
        applyServerErrors(form.setError, error, [
          'name',
          'kind',
          'unit',
          'direction',
          'baseline',
          'target',
        ]),
    }),
  );
  const submit = form.handleSubmit(({ baseline, target, ...values }) =>
    create.mutate({
      projectId,
      ...values,
      ...(baseline !== undefined ? { baseline } : {}),
      ...(target !== undefined ? { target } : {}),
    }),
  );
  const errors = form.formState.errors;
  const named = form.watch('name').trim() !== '';

  return (
    <FormCard
      title="New KPI"
      hideTitle
      onSubmit={submit}
      className="grid gap-1 rounded-xl border bg-card p-4"
    >
      <div className="grid gap-x-3 sm:grid-cols-3">
        <FormField label="KPI name" error={errors.name?.message} className="sm:col-span-2">
          <Input {...form.register('name')} />
        </FormField>
        <FormField label="Kind" error={errors.kind?.message}>
          <NativeSelect {...form.register('kind')}>
            <Options choices={KIND_CHOICES} />
          </NativeSelect>
        </FormField>
        <FormField label="Unit" error={errors.unit?.message}>
          <Input {...form.register('unit')} placeholder="%, ms, €" />
        </FormField>
        <FormField label="Direction" error={errors.direction?.message}>
          <NativeSelect {...form.register('direction')}>
            <Options choices={DIRECTION_CHOICES} />
          </NativeSelect>
        </FormField>
        <div className="grid grid-cols-2 gap-x-2">
          <FormField label="Baseline" error={errors.baseline?.message}>
            <Input {...form.register('baseline')} inputMode="decimal" />
          </FormField>
          <FormField label="Target" error={errors.target?.message}>
            <Input {...form.register('target')} inputMode="decimal" />
          </FormField>
        </div>
      </div>
      <SubmitRow error={errors.root?.server?.message} pending={create.isPending} disabled={!named}>
        Create KPI
      </SubmitRow>
    </FormCard>
  );
}
