'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { ZId, ZItemStatus } from '../../lib/domain';
import { errorInfo } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { ITEM_STATUSES, STATUS_LABEL, type Item } from '../../lib/items';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { choicesOf, SelectField } from '../form/select-field';
import { SubmitButton } from '../form/submit';
import { Button } from '../ui/button';
import type { Member } from './stage-context';

/** "Keep" is the empty choice; not applicable needs a reason per item, so it is not offered. */
const ZBulkForm = z.object({
  status: z.union([z.literal(''), ZItemStatus.exclude(['NOT_APPLICABLE'])]),
  assignee: z.union([z.literal(''), z.literal('nobody'), ZId]),
});

/** The statuses a bulk change may set (see above). */
const STATUS_CHOICES = choicesOf(
  ITEM_STATUSES.filter((s) => s !== 'NOT_APPLICABLE'),
  STATUS_LABEL,
);

/** The bar's selects: small, their labels smaller. */
const compact = (width: string) => ({
  className: 'gap-1',
  labelClassName: 'text-xs',
  selectClassName: `h-8 ${width}`,
});

/** Status and assignee for all selected items at once. */
export function BulkBar({
  items,
  members,
  projectId,
  stageKey,
  onDone,
}: {
  items: Item[];
  members: readonly Member[];
  projectId: string;
  stageKey: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<z.input<typeof ZBulkForm>, unknown, z.output<typeof ZBulkForm>>({
    resolver: zodResolver(ZBulkForm),
    defaultValues: { status: '', assignee: '' },
  });
  const [status, assignee] = form.watch(['status', 'assignee']);
  const key = trpc.dashboard.stage.queryKey({ projectId, stageKey });
  const bulk = useMutation(
    trpc.item.bulkUpdate.mutationOptions({
      onSuccess: (result) => {
        const byId = new Map(result.items.map((i) => [i.id, i]));
        queryClient.setQueryData(key, (old) =>
          old ? { ...old, items: old.items.map((i) => byId.get(i.id) ?? i) } : old,
        );
        notifySuccess(`${formatNumber(result.items.length)} items updated`);
        form.reset();
        onDone();
      },
      onError: (error) => {
        const info = errorInfo(error);
        if (info.code === 'CONFLICT') {
          toast.warning('Someone else changed some of these items first', {
            description: 'Nothing was changed. The list now shows their versions; try again.',
          });
        } else {
          notifyFailure('Updating the items', error);
        }
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
    }),
  );
  const apply = form.handleSubmit((values) => {
    if (!values.status && !values.assignee) return;
    bulk.mutate({
      itemIds: items.map((i) => i.id),
      expectedVersions: items.map((i) => i.version),
      ...(values.status
        ? { status: values.status, allowOpenChildren: values.status === 'DONE' }
        : {}),
      ...(values.assignee
        ? { assigneeId: values.assignee === 'nobody' ? null : values.assignee }
        : {}),
    });
  });
  return (
    <form
      onSubmit={apply}
      noValidate
      className="sticky top-2 z-20 flex flex-wrap items-end gap-2 rounded-xl border bg-accent p-3 shadow-sm"
      data-testid="bulk-bar"
      aria-label="Change selected items"
    >
      <p className="mr-auto self-center text-sm font-medium">
        {formatNumber(items.length)} selected
      </p>
      <SelectField
        id="bulk-status"
        label="Set status"
        empty="Keep"
        choices={STATUS_CHOICES}
        {...compact('w-36')}
        {...form.register('status')}
      />
      <SelectField
        id="bulk-assignee"
        label="Assign to"
        empty="Keep"
        choices={[
          { value: 'nobody', label: 'Nobody' },
          ...members.map((m) => ({ value: m.userId, label: m.name })),
        ]}
        {...compact('w-40')}
        {...form.register('assignee')}
      />
      <SubmitButton pending={bulk.isPending} size="sm" disabled={!status && !assignee}>
        Apply to selected
      </SubmitButton>
      <Button type="button" size="sm" variant="ghost" onClick={onDone}>
        Clear selection
      </Button>
    </form>
  );
}
