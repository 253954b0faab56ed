'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PlusIcon } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { ZItemAddCustomInput } from '../../lib/domain';
import { applyServerErrors } from '../../lib/form-errors';
import type { Item } from '../../lib/items';
import { notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { Options } from '../form/select-field';
import { Button } from '../ui/button';
import { FormField } from '../ui/form-field';
import { Input, NativeSelect } from '../ui/input';
import { Spinner } from '../ui/spinner';

const ZAddItemForm = ZItemAddCustomInput.pick({ title: true, parentId: true });
const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

/** A custom item for this project, at the top level or under a top-level item. */
export function AddItemForm({
  projectId,
  stageKey,
  items,
}: {
  projectId: string;
  stageKey: string;
  items: Item[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    resolver: zodResolver(ZAddItemForm),
    defaultValues: { title: '', parentId: undefined },
  });
  const add = useMutation(
    trpc.item.addCustom.mutationOptions({
      onSuccess: (item) => {
        form.reset({ title: '', parentId: form.getValues('parentId') });
        notifySuccess(`“${item.title}” added`);
        void queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() });
      },
      onError: (error) => applyServerErrors(form.setError, error, ['title', 'parentId']),
    }),
  );
  const title = form.watch('title');
  const errors = form.formState.errors;
  const roots = items.filter((i) => i.parentId === null).sort((a, b) => a.position - b.position);
  return (
    <form
      noValidate
      className="flex flex-col gap-2 rounded-xl border border-dashed p-3 sm:flex-row sm:items-start"
      onSubmit={form.handleSubmit((values) => add.mutate({ projectId, stageKey, ...values }))}
    >
      <FormField
        label="New item"
        className="flex-1"
        error={errors.title?.message ?? errors.root?.server?.message}
        reserveErrorSpace={false}
      >
        <Input
          placeholder="Something this project needs that the checklist lacks"
          {...form.register('title')}
        />
      </FormField>
      <FormField
        label="Under"
        className="sm:w-56"
        error={errors.parentId?.message}
        reserveErrorSpace={false}
      >
        <NativeSelect {...form.register('parentId', { setValueAs: emptyToUndefined })}>
          <Options
            empty="Top level"
            choices={roots.map((item) => ({
              value: item.id,
              label: item.title.length > 60 ? `${item.title.slice(0, 60)}…` : item.title,
            }))}
          />
        </NativeSelect>
      </FormField>
      <Button type="submit" className="sm:mt-6" disabled={add.isPending || !title.trim()}>
        {add.isPending ? <Spinner /> : <PlusIcon />}
        Add item
      </Button>
    </form>
  );
}
