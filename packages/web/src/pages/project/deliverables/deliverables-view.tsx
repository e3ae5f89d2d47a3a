import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { usePlan } from '../../../api/plan';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { EmptyState, FormAlert, SkeletonRows } from '../../../components/feedback';
import { Icons } from '../../../components/icons';
import { useToast } from '../../../components/toast';
import { day } from '../changes/change-format';
import type { ProjectViewProps } from '../project-views';
import { MarkdownView } from '../task-panel/markdown-view';
import { CriteriaChecklist } from './criteria-checklist';
import { DeliverableDialog } from './deliverable-dialog';
import { type Deliverable, deliverableKeys, deliverablesApi, stateLabels } from './deliverables-api';
import './deliverables.css';
import { useCan } from '../../../lib/permissions';

/** The Deliverables tab: what the project hands over, its acceptance criteria, milestone and acceptance state. */
export function DeliverablesView({ projectId }: ProjectViewProps) {
  const client = useQueryClient();
  const toast = useToast();
  const canEdit = useCan('edit');
  // The project manager or the sponsor accepts; a sponsor may hold no role on the project itself.
  const canDecide = useCan('decide');
  const plan = usePlan(projectId);
  const list = useQuery({
    queryKey: deliverableKeys.list(projectId),
    queryFn: () => deliverablesApi.list(projectId),
  });
  const [editing, setEditing] = useState<Deliverable | null | undefined>(undefined);
  const [doomed, setDoomed] = useState<Deliverable | null>(null);
  const [deciding, setDeciding] = useState<{ item: Deliverable; action: 'accept' | 'reject' } | null>(null);
  const [comment, setComment] = useState('');
  const milestones = (plan.data?.tasks ?? []).filter((task) => task.isMilestone);
  const refresh = () => client.invalidateQueries({ queryKey: deliverableKeys.list(projectId) });
  const move = useMutation({
    mutationFn: ({
      item,
      action,
      note,
    }: {
      item: Deliverable;
      action: 'submit' | 'accept' | 'reject';
      note: string;
    }) => deliverablesApi.move(item, action, note),
    onSuccess: async (item) => {
      toast.success(`“${item.title}” ${stateLabels[item.state].toLowerCase()}`);
      setDeciding(null);
      setComment('');
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (item: Deliverable) => deliverablesApi.remove(item),
    onSuccess: async () => {
      setDoomed(null);
      await refresh();
    },
  });
  const items = list.data?.items ?? [];
  const late = items.filter((item) => item.late).length;
  return (
    <div className="stack deliverables">
      <div className="deliverables__toolbar">
        <p className="muted">
          {items.length} {items.length === 1 ? 'deliverable' : 'deliverables'} ·{' '}
          {items.filter((item) => item.state === 'accepted').length} accepted
          {late > 0 ? <span className="deliverable-late"> · {late} late</span> : null}
        </p>
        {canEdit ? (
          <button type="button" className="button button--primary" onClick={() => setEditing(null)}>
            New deliverable
          </button>
        ) : null}
      </div>
      <FormAlert message={move.error ? messageOf(move.error) : undefined} />
      {list.isPending ? (
        <SkeletonRows rows={4} />
      ) : list.isError ? (
        <FormAlert message={messageOf(list.error)} />
      ) : items.length === 0 ? (
        <EmptyState icon={<Icons.project width={22} height={22} />} title="No deliverables yet">
          {canEdit
            ? 'List what the project hands over, the criteria it will be accepted by, and the milestone it is due at.'
            : 'What the project hands over, with its acceptance criteria and milestone, shows here once it is listed.'}
        </EmptyState>
      ) : (
        <ul className="deliverable-list">
          {items.map((item) => (
            <li key={item.id} className="card deliverable" aria-label={item.title}>
              <div className="card__body stack">
                <header className="deliverable__header">
                  <div>
                    <h3>{item.title}</h3>
                    <p className="muted">
                      {item.milestoneName
                        ? `${item.milestoneName} · ${day(item.milestoneDate)}`
                        : 'No milestone'}
                      {item.late ? <span className="badge deliverable-late-badge">Late</span> : null}
                    </p>
                  </div>
                  <span className={`badge deliverable-state deliverable-state--${item.state}`}>
                    {stateLabels[item.state]}
                  </span>
                </header>
                {item.description ? <MarkdownView source={item.description} /> : null}
                {item.acceptanceCriteria.trim() ? (
                  <div className="deliverable__criteria">
                    <span className="deliverable__label">
                      Acceptance criteria · {item.criteria.done}/{item.criteria.total}
                    </span>
                    <CriteriaChecklist source={item.acceptanceCriteria} />
                  </div>
                ) : null}
                {item.decidedAt ? (
                  <p className="muted">
                    {stateLabels[item.state]} by {item.decidedByName ?? '—'} on{' '}
                    {new Date(item.decidedAt).toLocaleDateString()}
                    {item.decisionComment ? ` — “${item.decisionComment}”` : ''}
                  </p>
                ) : null}
                <div
                  className="row deliverable__actions"
                  hidden={!canEdit && !(canDecide && item.state === 'submitted')}
                >
                  {canEdit && (item.state === 'pending' || item.state === 'rejected') ? (
                    <button
                      type="button"
                      className="button"
                      onClick={() => move.mutate({ item, action: 'submit', note: '' })}
                    >
                      Submit for acceptance
                    </button>
                  ) : null}
                  {canDecide && item.state === 'submitted' ? (
                    <>
                      <button
                        type="button"
                        className="button button--primary"
                        onClick={() => setDeciding({ item, action: 'accept' })}
                      >
                        Accept
                      </button>
                      <button
                        type="button"
                        className="button"
                        onClick={() => setDeciding({ item, action: 'reject' })}
                      >
                        Reject
                      </button>
                    </>
                  ) : null}
                  {canEdit ? (
                    <>
                      <button type="button" className="button button--ghost" onClick={() => setEditing(item)}>
                        Edit
                      </button>
                      <button
                        type="button"
                        className="button button--ghost"
                        aria-label={`Delete ${item.title}`}
                        onClick={() => setDoomed(item)}
                      >
                        Delete
                      </button>
                    </>
                  ) : null}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing !== undefined ? (
        <DeliverableDialog
          projectId={projectId}
          item={editing}
          milestones={milestones}
          onClose={() => setEditing(undefined)}
          onSaved={async () => {
            setEditing(undefined);
            await refresh();
          }}
        />
      ) : null}
      <ConfirmDialog
        open={deciding !== null}
        title={`${deciding?.action === 'accept' ? 'Accept' : 'Reject'} “${deciding?.item.title ?? ''}”?`}
        confirmLabel={deciding?.action === 'accept' ? 'Accept' : 'Reject'}
        pending={move.isPending}
        error={move.error}
        onConfirm={() =>
          deciding && move.mutate({ item: deciding.item, action: deciding.action, note: comment })
        }
        onClose={() => setDeciding(null)}
      >
        <label className="field">
          <span className="field__label">Comment</span>
          <input className="input" value={comment} onChange={(event) => setComment(event.target.value)} />
        </label>
      </ConfirmDialog>
      <ConfirmDialog
        open={doomed !== null}
        title={`Delete “${doomed?.title ?? ''}”?`}
        confirmLabel="Delete deliverable"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => doomed && remove.mutate(doomed)}
        onClose={() => setDoomed(null)}
      >
        The deliverable and its acceptance record are removed.
      </ConfirmDialog>
    </div>
  );
}
