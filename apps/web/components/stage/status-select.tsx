'use client';
import type { ComponentProps } from 'react';
import { ITEM_STATUSES, STATUS_LABEL, type Item, type ItemStatus } from '../../lib/items';
import { choicesOf, Options } from '../form/select-field';
import { NativeSelect } from '../ui/input';
import { useStage } from './stage-context';

const STATUS_CHOICES = choicesOf(ITEM_STATUSES, STATUS_LABEL);

/**
 * An item's status as a select, in the list row and in the item's sheet. A
 * change goes through the stage's `changeStatus` (which asks first where a
 * change needs it); read-only for those who may not edit.
 */
export function StatusSelect({
  item,
  ...props
}: { item: Item } & Omit<ComponentProps<'select'>, 'value' | 'onChange' | 'disabled'>) {
  const stage = useStage();
  return (
    <NativeSelect
      {...props}
      value={item.status}
      disabled={!stage.canEdit}
      onChange={(event) => stage.changeStatus(item, event.target.value as ItemStatus)}
    >
      <Options choices={STATUS_CHOICES} />
    </NativeSelect>
  );
}
