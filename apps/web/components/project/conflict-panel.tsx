'use client';
import { formatDateTime } from '../../lib/format';
import { APPROACH_LABEL, INFERENCE_LABEL, PHASE_LABEL } from '../../lib/labels';
import { ConflictAlert } from '../conflict/conflict-alert';
import type { ProjectChanges, ProjectConflict } from './use-project-update';

const FIELD_LABEL: Record<keyof ProjectChanges, string> = {
  name: 'Name',
  description: 'Description',
  phase: 'Phase',
  approach: 'Approach',
  inference: 'Inference',
};

function show(field: keyof ProjectChanges, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (field === 'phase') return PHASE_LABEL[value as keyof typeof PHASE_LABEL] ?? String(value);
  if (field === 'approach')
    return APPROACH_LABEL[value as keyof typeof APPROACH_LABEL] ?? String(value);
  if (field === 'inference')
    return INFERENCE_LABEL[value as keyof typeof INFERENCE_LABEL] ?? String(value);
  return String(value);
}

/**
 * Shown when a save met someone else's newer version: their values (now saved
 * and shown) beside this user's, with a way to apply this user's again.
 */
export function ConflictPanel({
  conflict,
  onReapply,
  onKeepTheirs,
  pending,
}: {
  conflict: ProjectConflict;
  onReapply: () => void;
  onKeepTheirs: () => void;
  pending: boolean;
}) {
  const fields = (Object.keys(conflict.mine) as Array<keyof ProjectChanges>).filter(
    (field) => conflict.mine[field] !== undefined,
  );
  return (
    <ConflictAlert
      title="Someone else changed this project while you were editing"
      rows={fields.map((field) => ({
        field,
        label: FIELD_LABEL[field],
        theirs: show(field, conflict.theirs[field]),
        mine: show(field, conflict.mine[field]),
      }))}
      onReapply={onReapply}
      onKeepTheirs={onKeepTheirs}
      pending={pending}
      testId="conflict-panel"
    >
      Your change was not saved. Their version (saved {formatDateTime(conflict.theirs.updatedAt)})
      is shown now. Compare, then keep theirs or apply yours on top.
    </ConflictAlert>
  );
}
