'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PencilIcon, Trash2Icon } from 'lucide-react';
import { useState } from 'react';
import { errorInfo } from '../../lib/errors';
import { formatDateTime, formatRelative } from '../../lib/format';
import { notifyFailure } from '../../lib/notify';
import { useSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { Button } from '../ui/button';
import { EditCommentForm, NewCommentForm } from './comment-forms';

/** An item's comments: read, add, and edit or delete one's own. */
export function CommentsThread({ itemId, canEdit }: { itemId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSession();
  const me = session.status === 'signedIn' ? session.user.id : null;
  const comments = useQuery(trpc.comment.list.queryOptions({ itemId }));
  const [editingId, setEditingId] = useState<string | null>(null);
  const listKey = trpc.comment.list.queryKey({ itemId });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: listKey }),
      queryClient.invalidateQueries({ queryKey: trpc.dashboard.stage.pathKey() }),
    ]);
  const add = useMutation(
    trpc.comment.add.mutationOptions({
      onSuccess: () => void refresh(),
    }),
  );
  const edit = useMutation(
    trpc.comment.edit.mutationOptions({
      onSuccess: () => {
        setEditingId(null);
        void refresh();
      },
      // The form shows the refusal; the thread shows the comment as it now is.
      onError: () => void refresh(),
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
              ) : editingId === comment.id ? (
                <EditCommentForm
                  initialBody={comment.body ?? ''}
                  pending={edit.isPending}
                  onCancel={() => setEditingId(null)}
                  onSave={(body) =>
                    edit.mutateAsync({
                      commentId: comment.id,
                      expectedVersion: comment.version,
                      body,
                    })
                  }
                />
              ) : (
                <>
                  <p className="whitespace-pre-wrap break-words">{comment.body}</p>
                  {canEdit && comment.author?.id === me ? (
                    <div className="mt-1 flex gap-1">
                      <Button
                        size="sm"
                        variant="ghost"
                        className="h-7 px-2"
                        onClick={() => setEditingId(comment.id)}
                      >
                        <PencilIcon /> Edit
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        className="h-7 px-2"
                        disabled={remove.isPending}
                        onClick={() =>
                          remove.mutate({ commentId: comment.id, expectedVersion: comment.version })
                        }
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
        <NewCommentForm
          pending={add.isPending}
          onAdd={(body) => add.mutateAsync({ itemId, body })}
        />
      ) : null}
    </div>
  );
}
