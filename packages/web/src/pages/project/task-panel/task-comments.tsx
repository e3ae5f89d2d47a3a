import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { itemsOf, planApi, planKeys } from '../../../api/plan';
import { relativeTime } from '../../../lib/format';
import { useCan } from '../../../lib/permissions';
import { MarkdownView } from './markdown-view';

/** The discussion of one task, newest last, with a Markdown box to add to it. */
export function TaskComments({ taskId }: { taskId: string }) {
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const canEdit = useCan('edit');
  const comments = useQuery({
    queryKey: planKeys.comments(taskId),
    queryFn: async () => itemsOf(await planApi.comments(taskId)),
  });
  const add = useMutation({
    mutationFn: () => planApi.addComment(taskId, body.trim()),
    onSuccess: () => {
      setBody('');
      return client.invalidateQueries({ queryKey: planKeys.comments(taskId) });
    },
  });
  return (
    <div className="stack-sm">
      <h3 className="task-panel__heading">Comments</h3>
      {comments.isError ? <p className="muted">{messageOf(comments.error)}</p> : null}
      <ul className="task-panel__comments" aria-label="Comments">
        {(comments.data ?? []).map((comment) => (
          <li key={comment.id} className="task-panel__comment">
            <div className="muted">
              <strong>{comment.author?.name ?? 'Someone'}</strong> · {relativeTime(comment.createdAt)}
            </div>
            <MarkdownView source={comment.body} />
          </li>
        ))}
      </ul>
      {!canEdit && comments.data?.length === 0 ? <p className="muted">No comments yet.</p> : null}
      {canEdit ? (
        <form
          className="stack-sm"
          onSubmit={(event) => {
            event.preventDefault();
            if (body.trim()) add.mutate();
          }}
        >
          <textarea
            className="input"
            aria-label="New comment"
            placeholder="Write a comment (Markdown)"
            rows={3}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
          {add.isError ? (
            <p className="field__error" role="alert">
              {messageOf(add.error)}
            </p>
          ) : null}
          <div>
            <button type="submit" className="button button--small" disabled={add.isPending || !body.trim()}>
              Comment
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
