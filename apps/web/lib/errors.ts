import { TRPCClientError } from '@trpc/client';

export interface ErrorInfo {
  /** tRPC code (FORBIDDEN, CONFLICT, …), NETWORK when the server was not reached, or
   * TIMEOUT when it did not answer in time. */
  code: string;
  message: string;
  fieldErrors: Record<string, string[]>;
  /** On CONFLICT: the row as it is now. */
  current: unknown;
  requestId: string | undefined;
}

interface ErrorData {
  code?: string;
  httpStatus?: number;
  requestId?: string;
  fieldErrors?: Record<string, string[]>;
  current?: unknown;
}

export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? undefined) as ErrorData | undefined;
    if (!data?.code && (error.cause as { name?: string } | undefined)?.name === 'TimeoutError') {
      return {
        code: 'TIMEOUT',
        message: 'The server took too long to answer. It may be busy: try again in a moment.',
        fieldErrors: {},
        current: undefined,
        requestId: undefined,
      };
    }
    if (!data?.code) {
      return {
        code: 'NETWORK',
        message: 'Shipshape could not reach the server. Check your connection and try again.',
        fieldErrors: {},
        current: undefined,
        requestId: undefined,
      };
    }
    return {
      code: data.code,
      message: error.message,
      fieldErrors: data.fieldErrors ?? {},
      current: data.current,
      requestId: data.requestId,
    };
  }
  return {
    code: 'UNKNOWN',
    message: error instanceof Error ? error.message : 'Something went wrong.',
    fieldErrors: {},
    current: undefined,
    requestId: undefined,
  };
}

/** A message for a refused or failed action, e.g. "Renaming failed: …". */
export function describeFailure(action: string, error: unknown): string {
  const info = errorInfo(error);
  switch (info.code) {
    case 'FORBIDDEN':
      return `${action} was refused: ${info.message}`;
    case 'CONFLICT':
      return `${action} did not go through: ${info.message}`;
    case 'NETWORK':
      return `${action} failed: ${info.message}`;
    default:
      return `${action} failed: ${info.message}`;
  }
}

export function isCode(error: unknown, code: string): boolean {
  return errorInfo(error).code === code;
}
