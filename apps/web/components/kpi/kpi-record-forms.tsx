'use client';
// The forms that add values to a KPI: one measurement, or many pasted as CSV.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useRef, useState, type FormEvent } from 'react';
import { dateInputError } from '../../lib/date-input';
import { errorInfo } from '../../lib/errors';
import { notifySuccess } from '../../lib/notify';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { Button } from '../ui/button';
import { Input, Textarea } from '../ui/input';
import { Label } from '../ui/label';

export type Kpi = RouterOutputs['kpi']['list'][number];

export function useRefreshKpis() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.kpi.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
    ]);
}

/** Parses a number typed in the reader's locale ("0,91" or "1 234.5"). */
export function parseLocaleNumber(text: string): number {
  const trimmed = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  const decimal = new Intl.NumberFormat()
    .formatToParts(1.5)
    .find((p) => p.type === 'decimal')?.value;
  const normalised =
    decimal === ',' && !trimmed.includes('.')
      ? trimmed.replace(',', '.')
      : trimmed.replace(/,/g, '');
  return trimmed === '' ? Number.NaN : Number(normalised);
}

export function RecordForm({ kpi }: { kpi: Kpi }) {
  const trpc = useTRPC();
  const refresh = useRefreshKpis();
  const [value, setValue] = useState('');
  const [at, setAt] = useState('');
  const atInput = useRef<HTMLInputElement>(null);
  const [atError, setAtError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const record = useMutation(
    trpc.kpi.record.mutationOptions({
      onSuccess: () => {
        setValue('');
        setNote('');
        setError(null);
        notifySuccess(`Recorded a value for ${kpi.name}`);
        void refresh();
      },
      onError: (err) => setError(errorInfo(err).message),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const number = parseLocaleNumber(value);
    const dateProblem = dateInputError(at, atInput.current?.validity.badInput);
    setAtError(dateProblem);
    if (!Number.isFinite(number)) {
      setError('Enter a number.');
      return;
    }
    if (dateProblem) return;
    record.mutate({
      kpiId: kpi.id,
      value: number,
      ...(at ? { recordedAt: new Date(at) } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };
  return (
    <form
      onSubmit={submit}
      className="grid content-start gap-2 rounded-lg border p-3"
      aria-label="Record a value"
    >
      <h4 className="text-sm font-medium">Record a value</h4>
      <div className="grid gap-2 sm:grid-cols-2">
        <div className="grid gap-1">
          <Label htmlFor="kpi-value">Value{kpi.unit ? ` (${kpi.unit})` : ''}</Label>
          <Input
            id="kpi-value"
            inputMode="decimal"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="kpi-at">Measured at</Label>
          <Input
            ref={atInput}
            id="kpi-at"
            type="datetime-local"
            min="1900-01-01T00:00"
            max="9999-12-31T23:59"
            value={at}
            onChange={(event) => {
              setAt(event.target.value);
              setAtError(null);
            }}
            aria-invalid={atError ? true : undefined}
            aria-describedby={atError ? 'kpi-at-error' : undefined}
          />
          {atError ? (
            <p id="kpi-at-error" role="alert" className="text-xs text-destructive">
              {atError}
            </p>
          ) : null}
        </div>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="kpi-note">Note</Label>
        <Input id="kpi-note" value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      {error ? (
        <p role="alert" className="text-xs text-destructive">
          {error}
        </p>
      ) : null}
      <div>
        <Button
          pending={record.isPending}
          type="submit"
          disabled={record.isPending || !value.trim()}
        >
          Record value
        </Button>
      </div>
    </form>
  );
}

interface RowError {
  row: number;
  message: string;
}

function rowErrorsOf(error: unknown): RowError[] {
  if (!(error instanceof TRPCClientError)) return [];
  const rows = (error.data as { rowErrors?: unknown } | undefined)?.rowErrors;
  return Array.isArray(rows) ? (rows as RowError[]) : [];
}

export function CsvForm({ kpi }: { kpi: Kpi }) {
  const trpc = useTRPC();
  const refresh = useRefreshKpis();
  const [csv, setCsv] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const importMany = useMutation(
    trpc.kpi.recordMany.mutationOptions({
      onSuccess: (result) => {
        setCsv('');
        setRowErrors([]);
        setMessage(null);
        notifySuccess(`Imported ${result.recorded} values for ${kpi.name}`);
        void refresh();
      },
      onError: (err) => {
        setRowErrors(rowErrorsOf(err));
        setMessage(errorInfo(err).message);
      },
    }),
  );
  return (
    <form
      className="grid content-start gap-2 rounded-lg border p-3"
      aria-label="Paste CSV"
      onSubmit={(event) => {
        event.preventDefault();
        if (csv.trim()) importMany.mutate({ kpiId: kpi.id, csv });
      }}
    >
      <h4 className="text-sm font-medium">Paste CSV</h4>
      <Label htmlFor="kpi-csv" className="text-xs font-normal text-muted-foreground">
        One value per line: value[,recordedAt[,note]], or a header row naming those columns.
      </Label>
      <Textarea
        id="kpi-csv"
        rows={4}
        className="font-mono text-xs sm:text-xs"
        value={csv}
        placeholder={'value,recordedAt\n0.91,2027-01-10\n0.92,2027-01-17'}
        onChange={(event) => setCsv(event.target.value)}
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
          disabled={importMany.isPending || !csv.trim()}
        >
          Import values
        </Button>
      </div>
    </form>
  );
}
