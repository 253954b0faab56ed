'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PencilIcon, Trash2Icon } from 'lucide-react';
import { canDeleteAuthored } from '@shipshape/domain/roles';
import { useMemo, useState } from 'react';
import { notifyFailure } from '../../lib/notify';
import { useSession } from '../../lib/session';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { CommentBody } from '../common/comment-body';
import { RelativeTime } from '../common/relative-time';
import { Button } from '../ui/button';
import { ErrorState, InlineLoading } from '../ui/query-state';
import { useWorkspace } from '../workspace/workspace-context';
import { EditCommentForm, NewCommentForm } from './comment-forms';

type Comment = RouterOutputs['comment']['list']['items'][number];

/** An item's comments: read, add, edit one's own, and delete one's own (admins: any). */
export function CommentsThread({ itemId, canEdit }: { itemId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSession();
  const { role, workspace } = useWorkspace();
  const me = session.status === 'signedIn' ? session.user.id : null;
  const comments = useQuery(trpc.comment.list.queryOptions({ itemId }));
  const mentions = useMentionable(workspace.id);
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

  // Editing is the author's; deleting, the author's or an admin's (the API's own rule).
  const mine = (comment: Comment) => me !== null && comment.author?.id === me;
  const deletable = (comment: Comment) =>
    me !== null && canDeleteAuthored({ id: me, role }, comment.author?.id);

  return (
    <div className="space-y-2" data-testid="comments">
      <h4 className="text-sm font-medium">Comments</h4>
      {comments.data === undefined && comments.error ? (
        <ErrorState
          what="Comments"
          error={comments.error}
          retrying={comments.isFetching}
          onRetry={() => void comments.refetch()}
        />
      ) : comments.data === undefined ? (
        <InlineLoading label="Loading comments…" className="text-xs" />
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
                <RelativeTime at={comment.createdAt} />
                {comment.editedAt ? ' · edited' : ''}
              </p>
              {comment.deleted ? (
                <p className="text-muted-foreground italic">Comment deleted</p>
              ) : editingId === comment.id ? (
                <EditCommentForm
                  members={mentions.members}
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
                  <CommentBody
                    body={comment.body ?? ''}
                    nameOf={mentions.nameOf}
                    className="whitespace-pre-wrap break-words"
                  />
                  <CommentActions
                    canEdit={canEdit && mine(comment)}
                    canDelete={canEdit && deletable(comment)}
                    deleting={remove.isPending}
                    onEdit={() => setEditingId(comment.id)}
                    onDelete={() =>
                      remove.mutate({ commentId: comment.id, expectedVersion: comment.version })
                    }
                  />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <NewCommentForm
          members={mentions.members}
          pending={add.isPending}
          onAdd={(body) => add.mutateAsync({ itemId, body })}
        />
      ) : null}
    </div>
  );
}

/** Edit and Delete under a comment, each for those who may. */
function CommentActions({
  canEdit,
  canDelete,
  deleting,
  onEdit,
  onDelete,
}: {
  canEdit: boolean;
  canDelete: boolean;
  deleting: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  if (!canEdit && !canDelete) return null;
  return (
    <div className="mt-1 flex gap-1">
      {canEdit ? (
        <Button size="sm" variant="ghost" className="h-7 px-2" onClick={onEdit}>
          <PencilIcon /> Edit
        </Button>
      ) : null}
      {canDelete ? (
        <Button
          size="sm"
          variant="ghost"
          className="h-7 px-2"
          disabled={deleting}
          onClick={onDelete}
        >
          <Trash2Icon /> Delete
        </Button>
      ) : null}
    </div>
  );
}

/** The workspace's members, to mention in a comment and to name in one (renames show). */
function useMentionable(workspaceId: string) {
  const trpc = useTRPC();
  const members = useQuery(trpc.workspace.members.queryOptions({ workspaceId }));
  return useMemo(() => {
    const list = (members.data ?? []).map((m) => ({ id: m.userId, name: m.name, email: m.email }));
    const names = new Map(list.map((m) => [m.id.toLowerCase(), m.name]));
    return { members: list, nameOf: (userId: string) => names.get(userId) };
  }, [members.data]);
}
