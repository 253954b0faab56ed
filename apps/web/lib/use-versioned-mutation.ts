'use client';
import {
  useMutation,
  useQueryClient,
  type QueryKey,
  type UseMutationOptions,
} from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { errorInfo } from './errors';
import { notifyFailure } from './notify';
import { useTRPC } from './trpc';

/** A save of a versioned record, without the version (the hook adds it at its turn). */
export type Draft<TInput> = Omit<TInput, 'expectedVersion'>;

export interface VersionedConflict<TInput, TRecord> {
  /** What this user tried to save. */
  mine: Draft<TInput>;
  /** The record as the other person left it (now in the cache). */
  theirs: TRecord;
}

export type SaveResult<TRecord> = { ok: true; record: TRecord } | { ok: false; error: unknown };

export interface VersionedMutationConfig<
  TInput extends { expectedVersion: number },
  TRecord,
  TSnapshot,
> {
  /** The procedure: `trpc.project.update.mutationOptions()` (key and function only). */
  mutation: Pick<UseMutationOptions<TRecord, unknown, TInput>, 'mutationKey' | 'mutationFn'>;
  /** Queries the optimistic change touches: fetches in flight there are cancelled first. */
  queryKeys: (draft: Draft<TInput>) => QueryKey[];
  /** The record's version as the cache knows it; undefined when it is not loaded (nothing is saved). */
  version: (draft: Draft<TInput>) => number | undefined;
  /** Reads what `restore` needs to undo `apply`. */
  snapshot: (draft: Draft<TInput>) => TSnapshot;
  /** Shows the change at once in the cache. */
  apply: (draft: Draft<TInput>) => void;
  /** Undoes `apply` when the API refuses the save. */
  restore: (snapshot: TSnapshot, draft: Draft<TInput>) => void;
  /** Writes a record from the server (the saved one, or theirs on a conflict) into the cache. */
  commit: (record: TRecord, draft: Draft<TInput>) => void;
  /** Recognises the server's current record sent with a CONFLICT error. */
  isRecord: (value: unknown) => value is TRecord;
  /** Which record a save is about; conflicts are kept per key. Default: a single record. */
  recordKey?: (draft: Draft<TInput>) => string;
  /** What failed, for the message: "Saving the project". */
  failure: string;
  /** Called once a conflict is recorded (after the cache shows their version). */
  onConflict?: (conflict: VersionedConflict<TInput, TRecord>, draft: Draft<TInput>) => void;
  /** After every save, saved or not. */
  onSettled?: () => unknown;
}

function withoutVersion<TInput extends { expectedVersion: number }>(input: TInput): Draft<TInput> {
  const { expectedVersion: _version, ...draft } = input;
  return draft;
}

/**
 * Saves a record that carries a version (optimistic concurrency), optimistically:
 *
 * - `apply` shows the change at once; on refusal `restore` puts the snapshot back
 *   and the failure is reported (a FORBIDDEN also refreshes the workspace list,
 *   since the reader's role may have changed);
 * - on a version conflict the other person's record replaces the cache
 *   (`commit`) and is kept in `conflicts` with what this user tried, so the UI
 *   can compare and re-apply; a new save of that record clears it;
 * - `save` runs saves one after another, each naming the version the previous
 *   one produced, so quick successive edits never conflict with each other.
 */
export function useVersionedMutation<
  TInput extends { expectedVersion: number },
  TRecord,
  TSnapshot,
>(config: VersionedMutationConfig<TInput, TRecord, TSnapshot>) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [conflicts, setConflicts] = useState<Record<string, VersionedConflict<TInput, TRecord>>>(
    {},
  );
  const keyOf = (draft: Draft<TInput>) => config.recordKey?.(draft) ?? '';
  const dismiss = (key = '') => setConflicts(({ [key]: _dropped, ...rest }) => rest);

  const mutation = useMutation({
    ...config.mutation,
    onMutate: async (input: TInput) => {
      const draft = withoutVersion(input);
      await Promise.all(
        config.queryKeys(draft).map((queryKey) => queryClient.cancelQueries({ queryKey })),
      );
      const snapshot = config.snapshot(draft);
      config.apply(draft);
      return { snapshot };
    },
    onError: (error, input, context) => {
      const draft = withoutVersion(input);
      if (context) config.restore(context.snapshot, draft);
      const info = errorInfo(error);
      if (info.code === 'CONFLICT' && config.isRecord(info.current)) {
        const conflict = { mine: draft, theirs: info.current };
        config.commit(info.current, draft);
        setConflicts((all) => ({ ...all, [keyOf(draft)]: conflict }));
        config.onConflict?.(conflict, draft);
        return;
      }
      if (info.code === 'FORBIDDEN') {
        void queryClient.invalidateQueries(trpc.workspace.list.queryFilter());
      }
      notifyFailure(config.failure, error);
    },
    onSuccess: (record, input) => {
      const draft = withoutVersion(input);
      config.commit(record, draft);
      dismiss(keyOf(draft));
    },
    onSettled: () => config.onSettled?.(),
  });

  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /**
   * Queues a save; at its turn it names the version then in the cache. Resolves
   * (never rejects) once done: failures are already rolled back and reported.
   */
  const save = (draft: Draft<TInput>): Promise<SaveResult<TRecord> | null> => {
    dismiss(keyOf(draft));
    const run = queue.current.then(async (): Promise<SaveResult<TRecord> | null> => {
      const expectedVersion = config.version(draft);
      if (expectedVersion === undefined) return null;
      try {
        const input = { ...draft, expectedVersion } as unknown as TInput;
        return { ok: true, record: await mutation.mutateAsync(input) };
      } catch (error) {
        return { ok: false, error };
      }
    });
    queue.current = run;
    return run;
  };

  return { save, mutation, conflicts, dismiss };
}
