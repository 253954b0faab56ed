'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { ZItemUpdateInput } from '../../lib/domain';
import type { Item } from '../../lib/items';
import { DialogActions, FormDialog } from '../form/form-dialog';
import { ConfirmDialog } from '../ui/dialog';
import { FormField } from '../ui/form-field';
import { Textarea } from '../ui/input';
import type { ItemChanges } from './use-item-update';

/** A status change that asks first, for the item it is about. */
export interface StatusRequest {
  item: Item;
  status: 'NOT_APPLICABLE' | 'DONE';
}

/**
 * The stage's status questions, mounted once: "why not applicable?" and
 * "done with open sub-items?", each opened for the item that asked.
 */
export function StatusDialogs({
  request,
  onClose,
  save,
}: {
  request: StatusRequest | null;
  onClose: () => void;
  save: (itemId: string, changes: ItemChanges) => void;
}) {
  const item = request?.item;
  return (
    <>
      <NotApplicableDialog
        open={request?.status === 'NOT_APPLICABLE'}
        onOpenChange={(open) => (open ? undefined : onClose())}
        title={item?.title ?? ''}
        onConfirm={(reason) =>
          item && save(item.id, { status: 'NOT_APPLICABLE', notApplicableReason: reason })
        }
      />
      <ConfirmDialog
        open={request?.status === 'DONE'}
        onOpenChange={(open) => (open ? undefined : onClose())}
        title="Mark done with open sub-items?"
        description={`“${item?.title ?? ''}” still has open sub-items. Mark it done anyway? The sub-items stay as they are.`}
        confirmLabel="Mark done anyway"
        onConfirm={() => item && save(item.id, { status: 'DONE', allowOpenChildren: true })}
      />
    </>
  );
}

const ZNotApplicableForm = ZItemUpdateInput.pick({ notApplicableReason: true }).required();

export function NotApplicableDialog({
  open,
  onOpenChange,
  title,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  onConfirm: (reason: string) => void;
}) {
  const form = useForm({
    resolver: zodResolver(ZNotApplicableForm),
    defaultValues: { notApplicableReason: '' },
  });
  const { reset } = form;
  useEffect(() => {
    if (open) reset({ notApplicableReason: '' });
  }, [open, reset]);
  const reason = form.watch('notApplicableReason');
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Not applicable"
      description={`Why does “${title}” not apply to this project?`}
    >
      <form
        className="grid gap-3"
        noValidate
        onSubmit={form.handleSubmit((values) => {
          onConfirm(values.notApplicableReason);
          onOpenChange(false);
        })}
      >
        <FormField
          label="Reason"
          error={form.formState.errors.notApplicableReason?.message}
          reserveErrorSpace={false}
        >
          <Textarea autoFocus {...form.register('notApplicableReason')} />
        </FormField>
        <DialogActions onCancel={() => onOpenChange(false)} disabled={!reason.trim()}>
          Mark not applicable
        </DialogActions>
      </form>
    </FormDialog>
  );
}
