'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ExternalLinkIcon, PencilIcon, Trash2Icon } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { errorInfo } from '../../lib/errors';
import { formatDateTime, formatRelative } from '../../lib/format';
import { EVIDENCE_KINDS, EVIDENCE_LABEL, type EvidenceKind, type Item } from '../../lib/items';
import { notifyFailure } from '../../lib/notify';
import { useSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { Button } from '../ui/button';
import { Input, NativeSelect, Textarea } from '../ui/input';
import { Label } from '../ui/label';

/** Only http(s) links become clickable; anything else shows as text. */
export function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function ExternalLink({ url, children }: { url: string; children: React.ReactNode }) {
  const href = safeHref(url);
  if (!href) return <span>{children}</span>;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="inline-flex items-center gap-1 break-all text-primary hover:underline"
    >
      {children}
      <ExternalLinkIcon className="size-3 shrink-0" aria-hidden="true" />
    </a>
  );
}

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
  const [kind, setKind] = useState<EvidenceKind>('EXPERIMENT_RUN');
  const [url, setUrl] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() });
  const add = useMutation(
    trpc.item.addEvidence.mutationOptions({
      onSuccess: (saved) => {
        onChanged(saved);
        setUrl('');
        setLabel('');
        setError(null);
        void invalidate();
      },
      onError: (err) => {
        const info = errorInfo(err);
        setError(
          Object.entries(info.fieldErrors)
            .map(([field, messages]) => `${field} ${messages.join(' ')}`)
            .join('; ') || info.message,
        );
      },
    }),
  );
  const remove = useMutation(
    trpc.item.removeEvidence.mutationOptions({
      onSuccess: () => void invalidate(),
      onError: (err) => {
        notifyFailure('Removing the evidence', err);
        void invalidate();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!safeHref(url.trim())) {
      setError('The link must start with http:// or https://');
      return;
    }
    add.mutate({ itemId: item.id, kind, url: url.trim(), label: label.trim() || url.trim() });
  };
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
                    remove.mutate({ evidenceId: evidence.id });
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
        <form
          onSubmit={submit}
          className="grid gap-2 sm:grid-cols-[9rem_1fr_1fr_auto] sm:items-end"
        >
          <div className="grid gap-1">
            <Label htmlFor={`ev-kind-${item.id}`} className="text-xs">
              Kind
            </Label>
            <NativeSelect
              id={`ev-kind-${item.id}`}
              value={kind}
              onChange={(event) => setKind(event.target.value as EvidenceKind)}
            >
              {EVIDENCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {EVIDENCE_LABEL[k]}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="grid gap-1">
            <Label htmlFor={`ev-url-${item.id}`} className="text-xs">
              Evidence link
            </Label>
            <Input
              id={`ev-url-${item.id}`}
              type="url"
              value={url}
              placeholder="https://…"
              onChange={(event) => setUrl(event.target.value)}
            />
          </div>
          <div className="grid gap-1">
            <Label htmlFor={`ev-label-${item.id}`} className="text-xs">
              Evidence label
            </Label>
            <Input
              id={`ev-label-${item.id}`}
              value={label}
              placeholder="Run 42"
              onChange={(event) => setLabel(event.target.value)}
            />
          </div>
          <Button
            pending={add.isPending}
            type="submit"
            variant="outline"
            disabled={add.isPending || !url.trim()}
          >
            Add evidence
          </Button>
          {error ? (
            <p role="alert" className="text-xs text-destructive sm:col-span-4">
              {error}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}

export function CommentsThread({ itemId, canEdit }: { itemId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSession();
  const me = session.status === 'signedIn' ? session.user.id : null;
  const comments = useQuery(trpc.comment.list.queryOptions({ itemId }));
  const [body, setBody] = useState('');
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const listKey = trpc.comment.list.queryKey({ itemId });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: listKey }),
      queryClient.invalidateQueries({ queryKey: trpc.dashboard.stage.pathKey() }),
    ]);
  const add = useMutation(
    trpc.comment.add.mutationOptions({
      onSuccess: () => {
        setBody('');
        void refresh();
      },
      onError: (error) => notifyFailure('Adding the comment', error),
    }),
  );
  const edit = useMutation(
    trpc.comment.edit.mutationOptions({
      onSuccess: () => {
        setEditing(null);
        void refresh();
      },
      onError: (error) => {
        notifyFailure('Editing the comment', error);
        void refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.comment.delete.mutationOptions({
      onSuccess: () => void refresh(),
      onError: (error) => notifyFailure('Deleting the comment', error),
    }),
  );

  return (
    <div className="space-y-2" data-testid="comments">
      <h4 className="text-sm font-medium">Comments</h4>
      {comments.isPending ? (
        <p className="text-xs text-muted-foreground">Loading comments…</p>
      ) : comments.error ? (
        <p className="text-xs text-destructive">{errorInfo(comments.error).message}</p>
      ) : comments.data.items.length === 0 ? (
        <p className="text-xs text-muted-foreground">No comments yet.</p>
      ) : (
        <ul className="space-y-2">
          {comments.data.items.map((comment) => (
            <li
              key={comment.id}
              className="rounded-md bg-muted/60 px-3 py-2 text-sm"
              data-testid="comment"
            >
              <p className="text-xs text-muted-foreground">
                <span className="font-medium text-foreground">
                  {comment.author?.name ?? 'Former member'}
                </span>{' '}
                <time
                  dateTime={String(comment.createdAt)}
                  title={formatDateTime(comment.createdAt)}
                >
                  {formatRelative(comment.createdAt)}
                </time>
                {comment.editedAt ? ' · edited' : ''}
              </p>
              {comment.deleted ? (
                <p className="text-muted-foreground italic">Comment deleted</p>
              ) : editing?.id === comment.id ? (
                <form
                  className="mt-1 grid gap-2"
                  onSubmit={(event) => {
                    event.preventDefault();
                    if (!editing.body.trim()) return;
                    edit.mutate({
                      commentId: comment.id,
                      expectedVersion: comment.version,
                      body: editing.body,
                    });
                  }}
                >
                  <Textarea
                    aria-label="Edit comment"
                    value={editing.body}
                    onChange={(event) => setEditing({ id: comment.id, body: event.target.value })}
                  />
                  <div className="flex gap-2">
                    <Button size="sm" type="submit" disabled={edit.isPending}>
                      Save
                    </Button>
                    <Button
                      size="sm"
                      type="button"
                      variant="ghost"
                      onClick={() => setEditing(null)}
                    >
                      Cancel
                    </Button>
                  </div>
                </form>
              ) : (
                <>
                  <p className="whitespace-pre-wrap break-words">{comment.body}</p>
                  {canEdit && comment.author?.id === me ? (
                    <div className="mt-1 flex gap-1">
                      <Button
                        size="sm"
                        variant="ghost"
                        className="h-7 px-2"
                        onClick={() => setEditing({ id: comment.id, body: comment.body ?? '' })}
                      >
                        <PencilIcon /> Edit
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        className="h-7 px-2"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate({ commentId: comment.id })}
                      >
                        <Trash2Icon /> Delete
                      </Button>
                    </div>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form
          className="grid gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (!body.trim()) return;
            add.mutate({ itemId, body });
          }}
        >
          <Textarea
            aria-label="New comment"
            placeholder="Write a comment…"
            value={body}
            rows={2}
            onChange={(event) => setBody(event.target.value)}
          />
          <div>
            <Button
              pending={add.isPending}
              size="sm"
              type="submit"
              disabled={add.isPending || !body.trim()}
            >
              Comment
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
