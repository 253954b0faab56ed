'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ZEvidenceAddInput } from '../../lib/domain';
import { applyServerErrors } from '../../lib/form-errors';
import { EVIDENCE_KINDS, EVIDENCE_LABEL } from '../../lib/items';
import { choicesOf, Options } from '../form/select-field';
import { SubmitRow } from '../form/submit';
import { FormField } from '../ui/form-field';
import { Input, NativeSelect } from '../ui/input';

/** The add-evidence input without the item; an empty label means "use the link". */
const ZEvidenceForm = ZEvidenceAddInput.pick({ kind: true, url: true }).extend({
  label: z.union([z.literal(''), ZEvidenceAddInput.shape.label]),
});
export type TEvidenceForm = z.output<typeof ZEvidenceForm>;
type Values = z.input<typeof ZEvidenceForm>;
const KIND_CHOICES = choicesOf(EVIDENCE_KINDS, EVIDENCE_LABEL);

/**
 * Kind, link and label of a new piece of evidence. `onAdd` resolves once it
 * is stored (the form then clears link and label, keeping the kind) and
 * rejects with the API's error (shown at its field).
 */
export function EvidenceForm({
  pending,
  onAdd,
}: {
  pending: boolean;
  onAdd: (values: { kind: Values['kind']; url: string; label: string }) => Promise<unknown>;
}) {
  const form = useForm<Values, unknown, TEvidenceForm>({
    resolver: zodResolver(ZEvidenceForm),
    defaultValues: { kind: 'EXPERIMENT_RUN', url: '', label: '' },
  });
  const url = form.watch('url');
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    try {
      await onAdd({ kind: values.kind, url: values.url, label: values.label || values.url });
      form.reset({ kind: values.kind, url: '', label: '' });
    } catch (error) {
      applyServerErrors(form.setError, error, ['kind', 'url', 'label']);
    }
  });
  return (
    <form
      noValidate
      onSubmit={submit}
      className="grid gap-x-2 sm:grid-cols-[max-content_minmax(0,1fr)] sm:items-start"
      aria-label="Add evidence"
    >
      <FormField label="Kind" error={errors.kind?.message} reserveErrorSpace={false}>
        <NativeSelect {...form.register('kind')}>
          <Options choices={KIND_CHOICES} />
        </NativeSelect>
      </FormField>
      <FormField label="Evidence link" error={errors.url?.message} reserveErrorSpace={false}>
        <Input type="url" placeholder="https://…" {...form.register('url')} />
      </FormField>
      <FormField
        label="Evidence label"
        error={errors.label?.message}
        reserveErrorSpace={false}
        className="mt-2 sm:col-span-2"
      >
        <Input placeholder="Run 42 (the link if empty)" {...form.register('label')} />
      </FormField>
      <SubmitRow
        error={errors.root?.server?.message}
        className="mt-2 sm:col-span-2"
        pending={pending}
        variant="outline"
        disabled={!url.trim()}
      >
        Add evidence
      </SubmitRow>
    </form>
  );
}
