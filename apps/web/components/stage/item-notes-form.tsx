'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { ZItemUpdateInput } from '../../lib/domain';
import type { Item } from '../../lib/items';
import { Button } from '../ui/button';
import { FormField } from '../ui/form-field';
import { Textarea } from '../ui/input';
import type { ItemChanges } from './use-item-update';

const ZNotesForm = ZItemUpdateInput.pick({ notes: true });

/**
 * The item's notes. Save and Discard show once they differ from the stored
 * notes; when the stored notes change (saved here or by someone else) the box
 * shows them.
 */
export function ItemNotesForm({
  item,
  canEdit,
  save,
}: {
  item: Item;
  canEdit: boolean;
  save: (itemId: string, changes: ItemChanges) => void;
}) {
  const stored = item.notes ?? '';
  const form = useForm({ resolver: zodResolver(ZNotesForm), defaultValues: { notes: stored } });
  const { reset } = form;
  useEffect(() => reset({ notes: stored }), [stored, reset]);
  const changed = (form.watch('notes') ?? '') !== stored;
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => save(item.id, { notes: values.notes || null }))}
    >
      <FormField
        label="Notes"
        error={form.formState.errors.notes?.message}
        reserveErrorSpace={false}
      >
        <Textarea
          disabled={!canEdit}
          placeholder="Decisions, caveats, links…"
          {...form.register('notes')}
        />
      </FormField>
      {canEdit && changed ? (
        <div className="mt-1.5 flex gap-2">
          <Button size="sm" type="submit">
            Save notes
          </Button>
          <Button size="sm" type="button" variant="ghost" onClick={() => reset({ notes: stored })}>
            Discard
          </Button>
        </div>
      ) : null}
    </form>
  );
}
