'use client';
import {
  useMutation,
  useQueryClient,
  type QueryKey,
  type UseMutationOptions,
} from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
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
 * The saves of one record not answered yet, and what to put back if one is
 * refused: the cache before the first of them, and the record as the server
 * last stored it since.
 */
interface Pending<TInput, TRecord, TSnapshot> {
  snapshot: TSnapshot;
  stored?: TRecord;
  drafts: Array<Draft<TInput>>;
}

/**
 * Saves a record that carries a version (optimistic concurrency), optimistically:
 *
 * - `apply` shows the change at once, in the same event, even while earlier
 *   saves still wait for their answers; each answer is written to the cache and
 *   the changes still waiting are shown again on top of it;
 * - on refusal the cache goes back to what the server last stored (the snapshot
 *   before the first waiting save, then `commit` of the last stored record) with
 *   the changes still waiting on top, and the failure is reported (a FORBIDDEN
 *   also refreshes the workspace list, since the reader's role may have changed);
 * - on a version conflict the other person's record replaces the cache
 *   (`commit`) and is kept in `conflicts` with what this user tried, so the UI
 *   can compare and re-apply; a new save of that record clears it;
 * - saves are sent one after another, each naming the version the previous
 *   one produced, so quick successive edits never conflict with each other.
 *
 * `save` and `dismiss` keep their identity across renders (rows that receive
 * them through a memoized context do not re-render); the config is read at
 * the moment it is used.
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
  const latest = useRef(config);
  latest.current = config;
  const pending = useRef(new Map<string, Pending<TInput, TRecord, TSnapshot>>());
  /** Per record, the version this hook's own last save produced. */
  const ownVersion = useRef(new Map<string, number>());
  const keyOf = useCallback((draft: Draft<TInput>) => latest.current.recordKey?.(draft) ?? '', []);
  const dismiss = useCallback(
    (key = '') => setConflicts(({ [key]: _dropped, ...rest }) => rest),
    [],
  );

  /** Takes an answered save off its record's list; the rest are shown again after `settle`. */
  const answered = useCallback(
    (draft: Draft<TInput>, settle: (entry: Pending<TInput, TRecord, TSnapshot>) => void) => {
      const key = keyOf(draft);
      const entry = pending.current.get(key);
      if (!entry) return;
      entry.drafts.shift();
      settle(entry);
      if (entry.drafts.length === 0) pending.current.delete(key);
      else for (const waiting of entry.drafts) latest.current.apply(waiting);
    },
    [keyOf],
  );

  const mutation = useMutation({
    ...config.mutation,
    onError: (error, input) => {
      const draft = withoutVersion(input);
      const info = errorInfo(error);
      const theirs =
        info.code === 'CONFLICT' && config.isRecord(info.current) ? info.current : null;
      answered(draft, (entry) => {
        config.restore(entry.snapshot, draft);
        if (theirs) entry.stored = theirs;
        if (entry.stored !== undefined) config.commit(entry.stored, draft);
      });
      if (theirs) {
        const conflict = { mine: draft, theirs };
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
      answered(draft, (entry) => {
        entry.stored = record;
        config.commit(record, draft);
      });
      const version = config.version(draft);
      if (version !== undefined) ownVersion.current.set(keyOf(draft), version);
      dismiss(keyOf(draft));
    },
    onSettled: () => config.onSettled?.(),
  });

  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const { mutateAsync } = mutation;
  /**
   * Shows the change and queues its save; at its turn the save names the version
   * then in the cache. Resolves (never rejects) once done: failures are already
   * rolled back and reported. Null when the record is not loaded (nothing is saved).
   *
   * `basedOn`: the version a form's edit started from (see `useEditBase`). When
   * the cache has moved on since by someone else's change (a live update while
   * the user typed), the save names `basedOn`, so it meets that change as a
   * conflict instead of overwriting what the user never saw; versions this
   * hook's own saves produced are followed as usual.
   */
  const save = useCallback(
    (draft: Draft<TInput>, options?: { basedOn?: number }): Promise<SaveResult<TRecord> | null> => {
      const steps = latest.current;
      const key = keyOf(draft);
      dismiss(key);
      if (steps.version(draft) === undefined) return Promise.resolve(null);
      // Fetches in flight would overwrite the change with what they read before it.
      for (const queryKey of steps.queryKeys(draft)) void queryClient.cancelQueries({ queryKey });
      const entry = pending.current.get(key) ?? { snapshot: steps.snapshot(draft), drafts: [] };
      pending.current.set(key, entry);
      entry.drafts.push(draft);
      steps.apply(draft);
      const run = queue.current.then(async (): Promise<SaveResult<TRecord> | null> => {
        const cached = latest.current.version(draft);
        const basedOn = options?.basedOn;
        const expectedVersion =
          basedOn === undefined || cached === undefined || cached === ownVersion.current.get(key)
            ? cached
            : basedOn;
        if (expectedVersion === undefined) {
          // The record left the cache meanwhile: nothing to name a version for.
          answered(draft, () => undefined);
          return null;
        }
        try {
          const input = { ...draft, expectedVersion } as unknown as TInput;
          return { ok: true, record: await mutateAsync(input) };
        } catch (error) {
          return { ok: false, error };
        }
      });
      queue.current = run;
      return run;
    },
    [keyOf, answered, dismiss, queryClient, mutateAsync],
  );

  return { save, mutation, conflicts, dismiss };
}

/**
 * The version a form's unsaved edit started from: the record's version while
 * the form is clean, then held for as long as it is dirty, whatever arrives
 * meanwhile. Pass it to `save` as `basedOn`.
 */
export function useEditBase(dirty: boolean, version: number | undefined): number | undefined {
  const [base, setBase] = useState(version);
  // Adjusting state while rendering (React's pattern for following a prop).
  if (!dirty && base !== version) setBase(version);
  return dirty ? base : version;
}
