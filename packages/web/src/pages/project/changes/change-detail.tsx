import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { planKeys } from '../../../api/plan';
import { FormAlert, SkeletonRows } from '../../../components/feedback';
import { TextField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { useCan } from '../../../lib/permissions';
import { MarkdownView } from '../task-panel/markdown-view';
import { describeEdit } from './change-format';
import {
  type ApproverRole,
  type ChangeRequest,
  changeKeys,
  changesApi,
  roleLabels,
  statusLabels,
} from './changes-api';
import { ImpactPanel } from './impact-panel';

const roles: ApproverRole[] = ['project_manager', 'sponsor'];

/** A change request opened: what and why, its edits, its impact, both approvals and what the caller may do next. */
export function ChangeDetail({
  id,
  taskName,
  onEdit,
}: {
  id: string;
  taskName: (id: string) => string;
  onEdit: (change: ChangeRequest) => void;
}) {
  const client = useQueryClient();
  const toast = useToast();
  const [comment, setComment] = useState('');
  const [resetBaseline, setResetBaseline] = useState(true);
  const canEdit = useCan('edit');
  const one = useQuery({ queryKey: changeKeys.one(id), queryFn: () => changesApi.get(id) });
  const change = one.data;
  const live = useQuery({
    queryKey: changeKeys.impact(id),
    queryFn: () => changesApi.impact(id),
    enabled: change !== undefined && change.status !== 'applied',
    retry: false,
  });
  const refresh = async (projectId: string) => {
    await client.invalidateQueries({ queryKey: changeKeys.one(id) });
    await client.invalidateQueries({ queryKey: changeKeys.impact(id) });
    await client.invalidateQueries({ queryKey: changeKeys.list(projectId) });
    await client.invalidateQueries({ queryKey: changeKeys.scope(projectId) });
  };
  const act = useMutation({
    mutationFn: async (action: () => Promise<ChangeRequest>) => action(),
    onSuccess: async (saved) => {
      setComment('');
      toast.success(`${saved.code}: ${statusLabels[saved.status]}`);
      await refresh(saved.projectId);
      if (saved.status === 'applied') {
        await client.invalidateQueries({ queryKey: planKeys.plan(saved.projectId) });
        await client.invalidateQueries({ queryKey: ['baselines', saved.projectId] });
        await client.invalidateQueries({ queryKey: ['plan', saved.projectId, 'baselines'] });
      }
    },
  });
  if (one.isPending) return <SkeletonRows rows={6} />;
  if (one.isError) return <FormAlert message={messageOf(one.error)} />;
  const data = one.data;
  const decided = (role: ApproverRole) => data.approvals.find((approval) => approval.role === role);
  const mine = (data.canDecideAs ?? []).filter((role) => !decided(role));
  const impact = data.status === 'applied' ? data.impact : (live.data?.impact ?? data.impact);
  return (
    <article className="change-detail stack" aria-label={`${data.code} ${data.title}`}>
      <header className="change-detail__header">
        <div>
          <span className="change-detail__code">{data.code}</span>
          <h2>{data.title}</h2>
          <p className="muted">
            Requested by {data.requestedByName ?? 'someone who left'} ·{' '}
            {new Date(data.createdAt).toLocaleDateString()}
            {data.origin === 'scope_change' ? ' · raised by a product scope change' : ''}
          </p>
        </div>
        <span className={`badge change-status change-status--${data.status}`}>
          {statusLabels[data.status]}
        </span>
      </header>
      {data.reason ? (
        <section>
          <h3 className="change-detail__heading">Why</h3>
          <MarkdownView source={data.reason} />
        </section>
      ) : null}
      {data.description ? (
        <section>
          <h3 className="change-detail__heading">What changes</h3>
          <MarkdownView source={data.description} />
        </section>
      ) : null}
      <section>
        <h3 className="change-detail__heading">Plan edits</h3>
        {data.proposal.length === 0 ? (
          <p className="muted">No plan edits.</p>
        ) : (
          <ol className="change-detail__edits">
            {data.proposal.map((edit, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the edits of a proposal are ordered and have no id
              <li key={index}>{describeEdit(edit, taskName)}</li>
            ))}
          </ol>
        )}
      </section>
      <section>
        <h3 className="change-detail__heading">Impact {data.status === 'applied' ? '(when applied)' : ''}</h3>
        {live.isError ? <FormAlert message={messageOf(live.error)} /> : null}
        {impact ? (
          <ImpactPanel impact={impact} live={data.status !== 'applied' && live.data !== undefined} />
        ) : (
          <SkeletonRows rows={2} />
        )}
      </section>
      <section>
        <h3 className="change-detail__heading">Approvals</h3>
        <ul className="approvals">
          {roles.map((role) => {
            const approval = decided(role);
            return (
              <li key={role} className="approval">
                <span className="approval__role">{roleLabels[role]}</span>
                {approval ? (
                  <span
                    className={`badge ${approval.decision === 'approved' ? 'badge--success' : 'change-status--rejected'}`}
                  >
                    {approval.decision === 'approved' ? 'Approved' : 'Rejected'} by {approval.userName ?? '—'}
                  </span>
                ) : (
                  <span className="badge">Waiting</span>
                )}
                {approval?.comment ? <span className="approval__comment">“{approval.comment}”</span> : null}
              </li>
            );
          })}
        </ul>
      </section>
      <FormAlert message={act.error ? messageOf(act.error) : undefined} />
      {data.status === 'draft' && canEdit ? (
        <div className="row change-detail__actions">
          <button type="button" className="button" onClick={() => onEdit(data)}>
            Edit
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={act.isPending}
            onClick={() => act.mutate(() => changesApi.submit(data))}
          >
            Submit for approval
          </button>
        </div>
      ) : null}
      {data.status === 'submitted' && mine.length > 0 ? (
        <div className="stack change-detail__decide">
          <TextField
            label="Comment"
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            placeholder="What you decided and why"
          />
          <div className="row change-detail__actions">
            {mine.map((role) => (
              <span key={role} className="row">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={act.isPending}
                  onClick={() =>
                    act.mutate(() => changesApi.decide(data, { role, decision: 'approved', comment }))
                  }
                >
                  Approve as {roleLabels[role].toLowerCase()}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={act.isPending}
                  onClick={() =>
                    act.mutate(() => changesApi.decide(data, { role, decision: 'rejected', comment }))
                  }
                >
                  Reject as {roleLabels[role].toLowerCase()}
                </button>
              </span>
            ))}
          </div>
        </div>
      ) : null}
      {data.status === 'approved' && (data.canDecideAs ?? []).includes('project_manager') ? (
        <div className="stack change-detail__decide">
          <label className="row change-detail__check">
            <input
              type="checkbox"
              checked={resetBaseline}
              onChange={(event) => setResetBaseline(event.target.checked)}
            />
            Re-set the baseline to the plan after this change
          </label>
          <div className="row change-detail__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={act.isPending}
              onClick={() =>
                act.mutate(() =>
                  changesApi.apply(data, {
                    resetBaseline,
                    ...(resetBaseline ? { reason: `${data.code}: ${data.title}` } : {}),
                  }),
                )
              }
            >
              Apply to the plan
            </button>
          </div>
        </div>
      ) : null}
    </article>
  );
}
