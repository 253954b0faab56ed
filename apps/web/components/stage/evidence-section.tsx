'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Trash2Icon } from 'lucide-react';
import { EVIDENCE_LABEL, type Item } from '../../lib/items';
import { notifyFailure } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { Button } from '../ui/button';
import { EvidenceForm } from './evidence-form';
import { ExternalLink } from './external-link';

/** The item's evidence links, removable, and the form to add one. */
export function EvidenceSection({
  item,
  canEdit,
  onChanged,
}: {
  item: Item;
  canEdit: boolean;
  onChanged: (item: Item) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() });
  const add = useMutation(
    trpc.item.addEvidence.mutationOptions({
      onSuccess: (saved) => {
        onChanged(saved);
        void invalidate();
      },
    }),
  );
  const remove = useMutation(
    trpc.item.removeEvidence.mutationOptions({
      onSuccess: (saved) => {
        onChanged(saved);
        void invalidate();
      },
      onError: (err) => {
        notifyFailure('Removing the evidence', err);
        void invalidate();
      },
    }),
  );
  return (
    <div className="space-y-2" data-testid="evidence">
      <h4 className="text-sm font-medium">Evidence</h4>
      {item.evidence.length === 0 ? (
        <p className="text-xs text-muted-foreground">No evidence linked yet.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {item.evidence.map((evidence) => (
            <li key={evidence.id} className="flex items-center gap-2">
              <span className="shrink-0 rounded bg-secondary px-1.5 text-xs">
                {EVIDENCE_LABEL[evidence.kind]}
              </span>
              <span className="min-w-0 flex-1">
                <ExternalLink url={evidence.url}>{evidence.label}</ExternalLink>
              </span>
              {canEdit ? (
                <Button
                  size="icon"
                  variant="ghost"
                  className="size-7"
                  aria-label={`Remove evidence “${evidence.label}”`}
                  disabled={remove.isPending}
                  onClick={() => {
                    onChanged({
                      ...item,
                      evidence: item.evidence.filter((e) => e.id !== evidence.id),
                    });
                    remove.mutate({ evidenceId: evidence.id, expectedVersion: item.version });
                  }}
                >
                  <Trash2Icon />
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <EvidenceForm
          pending={add.isPending}
          onAdd={(values) =>
            add.mutateAsync({ itemId: item.id, expectedVersion: item.version, ...values })
          }
        />
      ) : null}
    </div>
  );
}
