'use client';
import { toast } from 'sonner';
import { errorInfo } from './errors';

/** A toast for an action that failed or was refused, with the request id for support. */
export function notifyFailure(action: string, error: unknown): void {
  const info = errorInfo(error);
  const title =
    info.code === 'FORBIDDEN'
      ? `${action}: not allowed`
      : info.code === 'CONFLICT'
        ? `${action}: someone else changed this first`
        : `${action} failed`;
  toast.error(title, {
    description: (
      <>
        {info.message}
        {info.requestId ? (
          <span className="mt-1 block text-[11px] opacity-75">Request ID: {info.requestId}</span>
        ) : null}
      </>
    ),
  });
}

export function notifySuccess(message: string, description?: string): void {
  toast.success(message, description ? { description } : undefined);
}
