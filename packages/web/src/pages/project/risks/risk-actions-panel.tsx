import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { FormAlert } from '../../../components/feedback';
import { useToast } from '../../../components/toast';
import { raidKeys } from '../raid/raid-api';
import { type Risk, riskKeys, risksApi } from './risks-api';

/**
 * The mitigation actions of a risk (plan tasks with their status and % complete: create one, link one, unlink one) and
 * "Mark as occurred", which raises the risk's issue in the RAID log. Its buttons never submit the risk form around it.
 */
export function RiskActionsPanel({
  projectId,
  risk,
  onOccurred,
}: {
  projectId: string;
  risk: Risk;
  onOccurred: () => void;
}) {
  const client = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState('');
  const [taskId, setTaskId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const tasks = useQuery({ queryKey: riskKeys.tasks(projectId), queryFn: () => risksApi.tasks(projectId) });
  const linkedItems = useQuery({
    queryKey: riskKeys.links(projectId, risk.id),
    queryFn: () => risksApi.links(risk.id),
  });
  const refresh = () => client.invalidateQueries({ queryKey: riskKeys.all(projectId) });
  const add = useMutation({
    mutationFn: () => risksApi.addTask(risk.id, name.trim()),
    onSuccess: async () => {
      toast.success(`Task “${name.trim()}” added to the plan`);
      setName('');
      await client.invalidateQueries({ queryKey: ['plan', projectId] });
    },
  });
  const link = useMutation({
    mutationFn: () => risksApi.linkTask(risk.id, taskId),
    onSuccess: async () => {
      setTaskId('');
      await refresh();
    },
  });
  const unlink = useMutation({
    mutationFn: (id: string) => risksApi.unlinkTask(risk.id, id),
    onSuccess: refresh,
  });
  const occur = useMutation({
    mutationFn: () => risksApi.occur(risk),
    onSuccess: async ({ issue }) => {
      toast.success(`Issue “${issue.title}” raised in the RAID log`);
      await refresh();
      await client.invalidateQueries({ queryKey: raidKeys.all(projectId) });
      onOccurred();
    },
  });
  const linked = new Set(risk.actions.map((action) => action.taskId));
  const candidates = (tasks.data?.items ?? []).filter((task) => !linked.has(task.id));
  const error = add.error ?? link.error ?? unlink.error ?? occur.error;
  return (
    <section className="risk-actions" aria-labelledby="risk-actions-title">
      <h3 id="risk-actions-title">Mitigation actions</h3>
      <FormAlert message={error ? messageOf(error) : undefined} />
      {risk.actions.length === 0 ? (
        <p className="muted">No actions yet: plan the work that lowers this risk.</p>
      ) : (
        <ul className="risk-actions__list">
          {risk.actions.map((action) => (
            <li key={action.taskId} className="risk-actions__item">
              <span className="risk-actions__name">{action.name}</span>
              <span className="badge">{action.status.replace(/_/g, ' ')}</span>
              <progress
                className="risk-actions__progress"
                value={action.percentComplete}
                max={100}
                aria-label={`${action.name}: ${action.percentComplete}% complete`}
              />
              <span className="risk-actions__percent">{action.percentComplete}%</span>
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={`Remove action ${action.name}`}
                onClick={() => unlink.mutate(action.taskId)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="risk-actions__add">
        <input
          className="input"
          aria-label="New action task"
          placeholder="New task in the plan, e.g. Qualify a second supplier"
          value={name}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            if (name.trim()) add.mutate();
          }}
        />
        <button
          type="button"
          className="button button--small"
          disabled={add.isPending || name.trim() === ''}
          onClick={() => add.mutate()}
        >
          Create task
        </button>
      </div>
      <div className="risk-actions__add">
        <select
          className="select"
          aria-label="Existing task"
          value={taskId}
          onChange={(event) => setTaskId(event.target.value)}
        >
          <option value="">Link a task of the plan…</option>
          {candidates.map((task) => (
            <option key={task.id} value={task.id}>
              {task.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--small"
          disabled={link.isPending || taskId === ''}
          onClick={() => link.mutate()}
        >
          Link task
        </button>
      </div>
      {(linkedItems.data?.items ?? []).length > 0 ? (
        <div className="stack-sm">
          <h3>In the RAID log</h3>
          <ul className="risk-actions__list">
            {(linkedItems.data?.items ?? []).map((link) => (
              <li key={link.id} className="raid-link">
                <span className="badge">RAID item</span>
                <span className="raid-link__title">{link.title}</span>
                <span className="muted">{link.status.replace(/_/g, ' ')}</span>
                <span />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {risk.status === 'occurred' ? null : (
        <div className="risk-occur">
          {confirming ? (
            <div className="alert alert--warning risk-occur__confirm" role="alert">
              <span>
                The risk becomes an issue in the RAID log, linked to it, and leaves the open register.
              </span>
              <div className="row">
                <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
                <button
                  type="button"
                  className="button button--danger button--small"
                  disabled={occur.isPending}
                  onClick={() => occur.mutate()}
                >
                  Raise issue
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
              Mark as occurred → raise issue
            </button>
          )}
        </div>
      )}
    </section>
  );
}
