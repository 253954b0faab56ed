import type { AppRouter } from '@shipshape/api';
import { TRPCClientError } from '@trpc/client';

/** An error from a call to the API; its `data` is the server's errorFormatter output. */
export type ApiClientError = TRPCClientError<AppRouter>;

/** The `data` the API's errorFormatter sends with every error (packages/api/src/trpc.ts). */
export type ApiErrorData = NonNullable<ApiClientError['data']>;

/** True for an error from a call to the API (also one that never reached it). */
export function isApiError(error: unknown): error is ApiClientError {
  return error instanceof TRPCClientError;
}

/** The data the server sent with the error; undefined when no answer came (network, timeout). */
export function apiErrorData(error: unknown): ApiErrorData | undefined {
  return isApiError(error) ? (error.data ?? undefined) : undefined;
}

/** True when the request was abandoned by the read timeout (see lib/trpc.ts). */
export function isTimeout(error: unknown): boolean {
  // The abort's reason (a DOMException named TimeoutError) is the client error's cause.
  return isApiError(error) && error.cause?.name === 'TimeoutError';
}

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

const UNANSWERED = { fieldErrors: {}, current: undefined, requestId: undefined };

export function errorInfo(error: unknown): ErrorInfo {
  if (isApiError(error)) {
    const data = apiErrorData(error);
    if (!data?.code && isTimeout(error)) {
      return {
        code: 'TIMEOUT',
        message: 'The server took too long to answer. It may be busy: try again in a moment.',
        ...UNANSWERED,
      };
    }
    if (!data?.code) {
      return {
        code: 'NETWORK',
        message: 'Shipshape could not reach the server. Check your connection and try again.',
        ...UNANSWERED,
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
    ...UNANSWERED,
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
