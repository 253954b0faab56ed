import type { ComponentProps } from 'react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

/** The refusal that belongs to no one field (react-hook-form's `root.server`), when there is one. */
export function FormRootError({
  message,
  className,
}: {
  message: string | undefined;
  className?: string;
}) {
  return message ? (
    <Alert variant="destructive" role="alert" className={className}>
      {message}
    </Alert>
  ) : null;
}

type SubmitButtonProps = Omit<ComponentProps<typeof Button>, 'type' | 'pending'> & {
  /** The form's request is running: a spinner shows and the button stays disabled. */
  pending: boolean;
};

/** A form's submit button, disabled while its request runs (and whenever `disabled`). */
export function SubmitButton({ pending, disabled = false, ...props }: SubmitButtonProps) {
  return <Button {...props} type="submit" pending={pending} disabled={pending || disabled} />;
}

/**
 * A form's last lines: its refusal, if any, then the submit button on a line
 * of its own. `className` places both (e.g. across a grid's columns).
 */
export function SubmitRow({
  error,
  className,
  ...button
}: SubmitButtonProps & { error: string | undefined }) {
  return (
    <>
      <FormRootError message={error} className={className} />
      <div className={className}>
        <SubmitButton {...button} />
      </div>
    </>
  );
}
