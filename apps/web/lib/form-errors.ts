import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { errorInfo } from './errors';

/**
 * Puts the API's field errors on the form's fields; anything else goes on the
 * form's root, so every refusal shows next to what caused it.
 */
export function applyServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  error: unknown,
  fields: ReadonlyArray<Path<T>>,
): void {
  const info = errorInfo(error);
  let placed = false;
  for (const [field, messages] of Object.entries(info.fieldErrors)) {
    if ((fields as readonly string[]).includes(field)) {
      setError(field as Path<T>, { type: 'server', message: messages.join(' ') });
      placed = true;
    }
  }
  if (!placed) setError('root.server' as Path<T>, { type: 'server', message: info.message });
}
