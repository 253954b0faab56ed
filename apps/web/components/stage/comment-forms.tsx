'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { ZCommentAddInput, ZCommentEditInput } from '../../lib/domain';
import { applyServerErrors } from '../../lib/form-errors';
import { Button } from '../ui/button';
import { Textarea } from '../ui/input';

const ZNewComment = ZCommentAddInput.pick({ body: true });
const ZEditedComment = ZCommentEditInput.pick({ body: true });

function FieldError({ message }: { message: string | undefined }) {
  return message ? (
    <p role="alert" className="text-xs text-destructive">
      {message.charAt(0).toUpperCase() + message.slice(1)}
    </p>
  ) : null;
}

/** A new comment; `onAdd` resolves once stored (the box then clears). */
export function NewCommentForm({
  pending,
  onAdd,
}: {
  pending: boolean;
  onAdd: (body: string) => Promise<unknown>;
}) {
  const form = useForm({ resolver: zodResolver(ZNewComment), defaultValues: { body: '' } });
  const body = form.watch('body');
  const errors = form.formState.errors;
  return (
    <form
      className="grid gap-2"
      noValidate
      onSubmit={form.handleSubmit(async (values) => {
        try {
          await onAdd(values.body);
          form.reset({ body: '' });
        } catch (error) {
          applyServerErrors(form.setError, error, ['body']);
        }
      })}
    >
      <Textarea
        aria-label="New comment"
        placeholder="Write a comment…"
        rows={2}
        aria-invalid={errors.body ? true : undefined}
        {...form.register('body')}
      />
      <FieldError message={errors.body?.message ?? errors.root?.server?.message} />
      <div>
        <Button pending={pending} size="sm" type="submit" disabled={pending || !body.trim()}>
          Comment
        </Button>
      </div>
    </form>
  );
}

/** Editing one's own comment in place. */
export function EditCommentForm({
  initialBody,
  pending,
  onSave,
  onCancel,
}: {
  initialBody: string;
  pending: boolean;
  onSave: (body: string) => Promise<unknown>;
  onCancel: () => void;
}) {
  const form = useForm({
    resolver: zodResolver(ZEditedComment),
    defaultValues: { body: initialBody },
  });
  const errors = form.formState.errors;
  return (
    <form
      className="mt-1 grid gap-2"
      noValidate
      onSubmit={form.handleSubmit(async (values) => {
        try {
          await onSave(values.body);
        } catch (error) {
          applyServerErrors(form.setError, error, ['body']);
        }
      })}
    >
      <Textarea
        aria-label="Edit comment"
        autoFocus
        aria-invalid={errors.body ? true : undefined}
        {...form.register('body')}
      />
      <FieldError message={errors.body?.message ?? errors.root?.server?.message} />
      <div className="flex gap-2">
        <Button size="sm" type="submit" disabled={pending}>
          Save
        </Button>
        <Button size="sm" type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
