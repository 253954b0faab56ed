'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { applyServerErrors } from '../../lib/form-errors';
import { KPI_DIRECTION_LABEL, KPI_KINDS, KPI_KIND_LABEL } from '../../lib/items';
import { notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { FormField } from '../ui/form-field';
import { Input, NativeSelect } from '../ui/input';
import { ZNewKpiForm } from './kpi-form-schemas';
import { useRefreshKpis } from './use-refresh-kpis';

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
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      className="grid gap-1 rounded-xl border bg-card p-4"
      aria-label="New KPI"
    >
      <div className="grid gap-x-3 sm:grid-cols-3">
        <FormField label="KPI name" error={errors.name?.message} className="sm:col-span-2">
          <Input {...form.register('name')} />
        </FormField>
        <FormField label="Kind" error={errors.kind?.message}>
          <NativeSelect {...form.register('kind')}>
            {KPI_KINDS.map((k) => (
              <option key={k} value={k}>
                {KPI_KIND_LABEL[k]}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Unit" error={errors.unit?.message}>
          <Input {...form.register('unit')} placeholder="%, ms, €" />
        </FormField>
        <FormField label="Direction" error={errors.direction?.message}>
          <NativeSelect {...form.register('direction')}>
            <option value="HIGHER_IS_BETTER">{KPI_DIRECTION_LABEL.HIGHER_IS_BETTER}</option>
            <option value="LOWER_IS_BETTER">{KPI_DIRECTION_LABEL.LOWER_IS_BETTER}</option>
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
      {errors.root?.server ? (
        <Alert variant="destructive" role="alert">
          {errors.root.server.message}
        </Alert>
      ) : null}
      <div>
        <Button pending={create.isPending} type="submit" disabled={create.isPending || !named}>
          Create KPI
        </Button>
      </div>
    </form>
  );
}
