import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../api/client';
import { FormAlert } from '../../components/feedback';
import { useToast } from '../../components/toast';
import { useWorkspaceCan } from '../../lib/permissions';
import { shortDay } from '../resources/dates';
import { formatMinutes, type Timesheet, timeApi, timeKeys } from './time-api';

function SheetDetails({ id }: { id: string }) {
  const sheet = useQuery({ queryKey: timeKeys.sheet(id), queryFn: () => timeApi.sheet(id) });
  if (!sheet.data) return <p className="muted">Loading…</p>;
  return (
    <ul className="stack-sm" style={{ margin: 0 }}>
      {sheet.data.entries.map((entry) => (
        <li key={entry.id}>
          {shortDay(entry.day)} · {entry.projectName} › {entry.taskName} · {formatMinutes(entry.minutes)}
          {entry.note ? ` · ${entry.note}` : ''}
        </li>
      ))}
    </ul>
  );
}

/** Submitted weeks the caller may decide on (as a project manager or admin): approve, or send back with a reason. */
export function Approvals({ workspaceId }: { workspaceId: string }) {
  const client = useQueryClient();
  const toast = useToast();
  // Only those who lead projects (or run the workspace) decide on timesheets; others are not asked.
  const mayApprove = useWorkspaceCan(workspaceId, 'approveTimesheets');
  const pending = useQuery({
    queryKey: timeKeys.pending(workspaceId),
    queryFn: () => timeApi.pending(workspaceId),
    enabled: mayApprove,
  });
  const [open, setOpen] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const refresh = () => void client.invalidateQueries({ queryKey: timeKeys.all });
  const approve = useMutation({
    mutationFn: (sheet: Timesheet) => timeApi.approve(sheet.id ?? ''),
    onSuccess: (sheet) => toast.success(`Approved ${sheet.userName}'s week of ${shortDay(sheet.weekStart)}`),
    onSettled: refresh,
  });
  const reject = useMutation({
    mutationFn: (sheet: Timesheet) => timeApi.reject(sheet.id ?? '', comment.trim()),
    onSuccess: (sheet) => {
      setRejecting(null);
      setComment('');
      toast.success(`Sent ${sheet.userName}'s week back`);
    },
    onSettled: refresh,
  });
  const items = pending.data?.items ?? [];
  if (!mayApprove || (items.length === 0 && !pending.error)) return null;
  return (
    <section className="card" aria-labelledby="approvals-title">
      <header className="card__header">
        <h2 id="approvals-title">Waiting for your approval</h2>
        <p>Weeks submitted with time on projects you manage.</p>
      </header>
      <div className="card__body stack">
        <FormAlert
          message={
            pending.error || approve.error || reject.error
              ? messageOf(pending.error ?? approve.error ?? reject.error)
              : undefined
          }
        />
        {items.map((sheet) => {
          const id = sheet.id ?? '';
          return (
            <article
              key={id}
              className="stack-sm"
              aria-label={`${sheet.userName}, week of ${sheet.weekStart}`}
            >
              <div className="row" style={{ gap: 8, flexWrap: 'wrap' }}>
                <strong style={{ flex: 1 }}>
                  {sheet.userName} · week of {shortDay(sheet.weekStart)} · {formatMinutes(sheet.totalMinutes)}
                </strong>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setOpen(open === id ? null : id)}
                >
                  {open === id ? 'Hide entries' : 'Entries'}
                </button>
                <button
                  type="button"
                  className="button button--small button--primary"
                  disabled={approve.isPending}
                  onClick={() => approve.mutate(sheet)}
                >
                  Approve
                </button>
                <button type="button" className="button button--small" onClick={() => setRejecting(id)}>
                  Send back
                </button>
              </div>
              {open === id ? <SheetDetails id={id} /> : null}
              {rejecting === id ? (
                <form
                  className="row"
                  style={{ gap: 8 }}
                  onSubmit={(event) => {
                    event.preventDefault();
                    if (comment.trim()) reject.mutate(sheet);
                  }}
                >
                  <input
                    className="input"
                    style={{ flex: 1 }}
                    aria-label="Why it is sent back"
                    placeholder="Why it is sent back"
                    value={comment}
                    onChange={(event) => setComment(event.target.value)}
                  />
                  <button
                    type="submit"
                    className="button button--small button--danger"
                    disabled={!comment.trim()}
                  >
                    Send back
                  </button>
                </form>
              ) : null}
            </article>
          );
        })}
      </div>
    </section>
  );
}
