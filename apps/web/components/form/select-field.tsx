'use client';
import type { ComponentProps, ReactNode } from 'react';
import { cn } from '../../lib/utils';
import { NativeSelect } from '../ui/input';
import { Label } from '../ui/label';

/** One option of a select: the value sent, the words shown. */
export interface Choice {
  value: string;
  label: ReactNode;
}

/** The choices for a list of enum values and their labels, in the list's order. */
export function choicesOf<K extends string>(
  values: readonly K[],
  labels: Record<K, ReactNode>,
): Choice[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** A select's options: `empty` as a first choice with the value "", then `choices`. */
export function Options({ empty, choices }: { empty?: ReactNode; choices: readonly Choice[] }) {
  return (
    <>
      {empty === undefined ? null : <option value="">{empty}</option>}
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </>
  );
}

/**
 * A labelled select outside a validated form (a filter, a bulk change): the
 * label above, `empty` ("All projects", "Keep") first, then the choices.
 */
export function SelectField({
  id,
  label,
  empty,
  choices,
  className,
  labelClassName,
  selectClassName,
  ...select
}: Omit<ComponentProps<'select'>, 'id' | 'children' | 'className'> & {
  id: string;
  label: ReactNode;
  empty?: ReactNode;
  choices: readonly Choice[];
  /** The label and select together. */
  className?: string;
  labelClassName?: string;
  selectClassName?: string;
}) {
  return (
    <div className={cn('grid gap-1.5', className)}>
      <Label htmlFor={id} className={labelClassName}>
        {label}
      </Label>
      <NativeSelect id={id} className={selectClassName} {...select}>
        <Options empty={empty} choices={choices} />
      </NativeSelect>
    </div>
  );
}
