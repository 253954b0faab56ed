'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { apiErrorData, errorInfo, type ApiErrorData } from '../../lib/errors';
import { notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { FormCard } from '../form/form-card';
import { Button } from '../ui/button';
import { Textarea } from '../ui/input';
import { Label } from '../ui/label';
import { ZCsvForm } from './kpi-form-schemas';
import { useRefreshKpis, type Kpi } from './use-refresh-kpis';

/** A pasted row the API refused: its number and why (the errorFormatter's `rowErrors`). */
type RowError = NonNullable<ApiErrorData['rowErrors']>[number];

function rowErrorsOf(error: unknown): RowError[] {
  return apiErrorData(error)?.rowErrors ?? [];
}

/** Adds many measurements at once, pasted as CSV; a bad row refuses the whole paste. */
export function CsvForm({ kpi }: { kpi: Kpi }) {
  const trpc = useTRPC();
  const refresh = useRefreshKpis();
  const form = useForm({ resolver: zodResolver(ZCsvForm), defaultValues: { csv: '' } });
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const importMany = useMutation(
    trpc.kpi.recordMany.mutationOptions({
      onSuccess: (result) => {
        form.reset({ csv: '' });
        setRowErrors([]);
        notifySuccess(`Imported ${result.recorded} values for ${kpi.name}`);
        void refresh();
      },
      onError: (error) => {
        setRowErrors(rowErrorsOf(error));
        form.setError('root.server', { type: 'server', message: errorInfo(error).message });
      },
    }),
  );
  const submit = form.handleSubmit(({ csv }) => importMany.mutate({ kpiId: kpi.id, csv }));
  const message = form.formState.errors.root?.server?.message ?? form.formState.errors.csv?.message;
  const filled = form.watch('csv').trim() !== '';

  return (
    <FormCard
      title="Paste CSV"
      onSubmit={submit}
      className="grid content-start gap-2 rounded-lg border p-3"
    >
      <Label htmlFor="kpi-csv" className="text-xs font-normal text-muted-foreground">
        One value per line: value[,recordedAt[,note]], or a header row naming those columns.
      </Label>
      <Textarea
        id="kpi-csv"
        rows={4}
        className="font-mono text-xs sm:text-xs"
        placeholder={'value,recordedAt\n0.91,2027-01-10\n0.92,2027-01-17'}
        aria-invalid={message ? true : undefined}
        {...form.register('csv')}
      />
      {message ? (
        <div role="alert" className="text-xs text-destructive" data-testid="csv-errors">
          <p>{message}</p>
          {rowErrors.length ? (
            <ul className="mt-1 list-disc pl-4">
              {rowErrors.slice(0, 20).map((row) => (
                <li key={`${row.row}-${row.message}`}>
                  Row {row.row}: {row.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div>
        <Button
          pending={importMany.isPending}
          type="submit"
          variant="outline"
          disabled={importMany.isPending || !filled}
        >
          Import values
        </Button>
      </div>
    </FormCard>
  );
}
