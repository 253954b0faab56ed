'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { ZCommentAddInput } from '../../lib/domain';
import { applyServerErrors } from '../../lib/form-errors';
import { MentionTextarea, type MentionCandidate } from '../common/mention-textarea';
import { SubmitButton } from '../form/submit';
import { Button } from '../ui/button';

// New and edited comments share the body rule (ZCommentEditInput's body is the same).
const ZCommentForm = ZCommentAddInput.pick({ body: true });

function FieldError({ message }: { message: string | undefined }) {
  return message ? (
    <p role="alert" className="text-xs text-destructive">
      {message.charAt(0).toUpperCase() + message.slice(1)}
    </p>
  ) : null;
}

/**
 * A comment's text box: `onSubmit` resolves once stored and rejects with the
 * API's refusal, shown under the box. `actions` gets the text as typed.
 * Typing `@` offers `members` to mention.
 */
function CommentForm({
  members,
  initialBody,
  label,
  className,
  clearOnSave = false,
  onSubmit,
  box,
  actions,
}: {
  initialBody: string;
  label: string;
  className: string;
  /** Empty the box once stored (a new comment), or leave it (an edit, which then closes). */
  clearOnSave?: boolean;
  onSubmit: (body: string) => Promise<unknown>;
  box: { placeholder?: string; rows?: number; autoFocus?: boolean };
  actions: (body: string) => ReactNode;
  members: readonly MentionCandidate[];
}) {
  const form = useForm({
    resolver: zodResolver(ZCommentForm),
    defaultValues: { body: initialBody },
  });
  const errors = form.formState.errors;
  return (
    <form
      className={className}
      noValidate
      onSubmit={form.handleSubmit(async (values) => {
        try {
          await onSubmit(values.body);
          if (clearOnSave) form.reset({ body: '' });
        } catch (error) {
          applyServerErrors(form.setError, error, ['body']);
        }
      })}
    >
      <MentionTextarea
        aria-label={label}
        {...box}
        aria-invalid={errors.body ? true : undefined}
        {...form.register('body')}
        members={members}
        onInsert={(body) => form.setValue('body', body, { shouldDirty: true })}
      />
      <FieldError message={errors.body?.message ?? errors.root?.server?.message} />
      {actions(form.watch('body'))}
    </form>
  );
}

/** A new comment; `onAdd` resolves once stored (the box then clears). */
export function NewCommentForm({
  members,
  pending,
  onAdd,
}: {
  members: readonly MentionCandidate[];
  pending: boolean;
  onAdd: (body: string) => Promise<unknown>;
}) {
  return (
    <CommentForm
      members={members}
      initialBody=""
      label="New comment"
      className="grid gap-2"
      clearOnSave
      onSubmit={onAdd}
      box={{ placeholder: 'Write a comment…', rows: 2 }}
      actions={(body) => (
        <div>
          <SubmitButton pending={pending} size="sm" disabled={!body.trim()}>
            Comment
          </SubmitButton>
        </div>
      )}
    />
  );
}

/** Editing one's own comment in place. */
export function EditCommentForm({
  members,
  initialBody,
  pending,
  onSave,
  onCancel,
}: {
  members: readonly MentionCandidate[];
  initialBody: string;
  pending: boolean;
  onSave: (body: string) => Promise<unknown>;
  onCancel: () => void;
}) {
  return (
    <CommentForm
      members={members}
      initialBody={initialBody}
      label="Edit comment"
      className="mt-1 grid gap-2"
      onSubmit={onSave}
      box={{ autoFocus: true }}
      actions={() => (
        <div className="flex gap-2">
          <Button size="sm" type="submit" disabled={pending}>
            Save
          </Button>
          <Button size="sm" type="button" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      )}
    />
  );
}
