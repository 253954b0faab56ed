'use client';
import { GitCompareArrowsIcon } from 'lucide-react';
import { formatDateTime } from '../../lib/format';
import { APPROACH_LABEL, INFERENCE_LABEL, PHASE_LABEL } from '../../lib/labels';
import { Alert, AlertTitle } from '../ui/alert';
import { Button } from '../ui/button';
import type { ProjectChanges, ProjectConflict } from './use-project-update';
import { ConflictTable } from '../ui/conflict-table';

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
    <Alert variant="warning" role="alert" data-testid="conflict-panel">
      <div className="flex gap-3">
        <GitCompareArrowsIcon className="mt-0.5 size-5 shrink-0" aria-hidden="true" />
        <div className="min-w-0 flex-1 space-y-3">
          <div>
            <AlertTitle>Someone else changed this project while you were editing</AlertTitle>
            <p>
              Your change was not saved. Their version (saved{' '}
              {formatDateTime(conflict.theirs.updatedAt)}) is shown now. Compare, then keep theirs
              or apply yours on top.
            </p>
          </div>
          <ConflictTable
            rows={fields.map((field) => ({
              field,
              label: FIELD_LABEL[field],
              theirs: show(field, conflict.theirs[field]),
              mine: show(field, conflict.mine[field]),
            }))}
          />
          <div className="flex flex-wrap gap-2">
            <Button size="sm" onClick={onReapply} disabled={pending}>
              Apply my change again
            </Button>
            <Button size="sm" variant="outline" onClick={onKeepTheirs} disabled={pending}>
              Keep their version
            </Button>
          </div>
        </div>
      </div>
    </Alert>
  );
}
