'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { ZItemUpdateInput } from '../../lib/domain';
import type { Item } from '../../lib/items';
import { Button } from '../ui/button';
import { FormField } from '../ui/form-field';
import { Textarea } from '../ui/input';
import { useEditBase } from '../../lib/use-versioned-mutation';
import type { ItemChanges } from './use-item-update';

const ZNotesForm = ZItemUpdateInput.pick({ notes: true });

/**
 * The item's notes. Save and Discard show once they differ from the stored
 * notes. When the stored notes change (saved here or by someone else) the box
 * shows them, unless the user is typing: then what they type stays, and the
 * save names the version they started from, so a teammate's change that came
 * in meanwhile is shown as a conflict, not overwritten.
 */
export function ItemNotesForm({
  item,
  canEdit,
  save,
}: {
  item: Item;
  canEdit: boolean;
  save: (
    itemId: string,
    changes: ItemChanges,
    onDone?: (ok: boolean) => void,
    basedOn?: number,
  ) => void;
}) {
  const stored = item.notes ?? '';
  const form = useForm({ resolver: zodResolver(ZNotesForm), defaultValues: { notes: stored } });
  const { reset } = form;
  const typed = form.watch('notes') ?? '';
  const changed = typed !== stored;
  const { isDirty } = form.formState;
  useEffect(() => {
    if (!isDirty) reset({ notes: stored });
  }, [stored, isDirty, reset]);
  const basedOn = useEditBase(isDirty, item.version);
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) =>
        // Once answered, the box follows the stored notes again (mine, or theirs on a conflict).
        save(item.id, { notes: values.notes || null }, () => reset(), basedOn),
      )}
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
