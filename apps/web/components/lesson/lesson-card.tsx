'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PencilIcon, Trash2Icon } from 'lucide-react';
import { useState } from 'react';
import { formatDate } from '../../lib/format';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/dialog';

export type Hit = RouterOutputs['lesson']['list']['items'][number];
type Part = { text: string; match: boolean };

/** Search matches as <mark>, everything as text (never as HTML). */
export function Highlighted({ parts }: { parts: readonly Part[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded-sm bg-warning px-0.5 text-warning-foreground">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** One lesson in the results: title and snippet, opening to the whole lesson; edit and delete for members. */
export function LessonCard({
  hit,
  stageTitle,
  defaultOpen,
  canEdit,
  onEdit,
}: {
  hit: Hit;
  stageTitle: string | undefined;
  defaultOpen: boolean;
  canEdit: boolean;
  onEdit: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const remove = useMutation(
    trpc.lesson.delete.mutationOptions({
      onSuccess: () => {
        notifySuccess('Lesson deleted');
        void queryClient.invalidateQueries({ queryKey: trpc.lesson.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() });
      },
      onError: (error) => notifyFailure('Deleting the lesson', error),
    }),
  );
  return (
    <li
      className="rounded-xl border bg-card p-4"
      data-testid="lesson-result"
      id={`lesson-${hit.id}`}
    >
      <details open={defaultOpen} className="group">
        <summary className="cursor-pointer list-none [&::-webkit-details-marker]:hidden">
          <h2 className="font-semibold break-words" data-testid="lesson-title">
            {hit.match ? <Highlighted parts={hit.match.title} /> : hit.title}
          </h2>
          <p className="text-xs text-muted-foreground">
            {hit.project.name}
            {stageTitle ? ` · ${stageTitle}` : ''}
            {hit.item ? ` · ${hit.item.title}` : ''} · {hit.author?.name ?? 'Former member'} ·{' '}
            {formatDate(hit.createdAt)}
          </p>
          <p
            className="mt-1 text-sm break-words text-muted-foreground group-open:hidden"
            data-testid="lesson-snippet"
          >
            {hit.match && hit.match.snippet.length ? (
              <Highlighted parts={hit.match.snippet} />
            ) : (
              `${hit.learnt.slice(0, 240)}${hit.learnt.length > 240 ? '…' : ''}`
            )}
          </p>
        </summary>
        <dl className="mt-3 grid gap-3 text-sm md:grid-cols-3">
          <div>
            <dt className="font-medium">What we tried</dt>
            <dd className="whitespace-pre-wrap break-words text-muted-foreground">{hit.tried}</dd>
          </div>
          <div>
            <dt className="font-medium">What happened</dt>
            <dd className="whitespace-pre-wrap break-words text-muted-foreground">
              {hit.happened}
            </dd>
          </div>
          <div>
            <dt className="font-medium">What we learnt</dt>
            <dd className="whitespace-pre-wrap break-words text-muted-foreground">{hit.learnt}</dd>
          </div>
        </dl>
        {canEdit ? (
          <div className="mt-3 flex gap-2">
            <Button size="sm" variant="outline" onClick={onEdit}>
              <PencilIcon /> Edit
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setConfirm(true)}
              disabled={remove.isPending}
            >
              <Trash2Icon /> Delete
            </Button>
          </div>
        ) : null}
      </details>
      {hit.tags.length ? (
        <ul className="mt-2 flex flex-wrap gap-1" aria-label="Tags">
          {hit.tags.map((t) => (
            <li key={t}>
              <Badge variant="outline">{t}</Badge>
            </li>
          ))}
        </ul>
      ) : null}
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title="Delete this lesson?"
        description={`“${hit.title}” will be removed for everyone.`}
        confirmLabel="Delete lesson"
        destructive
        onConfirm={() => remove.mutate({ lessonId: hit.id, expectedVersion: hit.version })}
      />
    </li>
  );
}
