import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { usePlan } from '../../../api/plan';
import { EmptyState, FormAlert, SkeletonRows } from '../../../components/feedback';
import { Icons } from '../../../components/icons';
import { useToast } from '../../../components/toast';
import type { ProjectViewProps } from '../project-views';
import { ChangeDetail } from './change-detail';
import { ChangeEditor } from './change-editor';
import { signedWork } from './change-format';
import { type ChangeRequest, changeKeys, changesApi, statusLabels } from './changes-api';
import { ScopeCard } from './scope-card';
import './changes.css';
import { useCan } from '../../../lib/permissions';

/** The Changes tab: the change requests of the project, one opened beside the list, and the scope comparison. */
export function ChangesView({ projectId }: ProjectViewProps) {
  const client = useQueryClient();
  const toast = useToast();
  const canEdit = useCan('edit');
  const plan = usePlan(projectId);
  const list = useQuery({ queryKey: changeKeys.list(projectId), queryFn: () => changesApi.list(projectId) });
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<ChangeRequest | null | undefined>(undefined);
  const tasks = plan.data?.tasks ?? [];
  const links = plan.data?.links ?? [];
  const taskName = (id: string) =>
    tasks.find((task) => task.id === id)?.name ??
    (id.startsWith('new:') ? 'the added task' : 'a removed task');
  const items = list.data?.items ?? [];
  const current = items.find((item) => item.id === selected) ?? items[0];
  return (
    <div className="stack changes">
      <div className="changes__toolbar">
        <p className="muted">
          Every change to the agreed scope goes through a change request: its impact on the finish,
          milestones, cost and critical path is computed before the project manager and the sponsor decide.
        </p>
        {canEdit ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setEditing(null)}
            disabled={plan.isPending}
          >
            New change request
          </button>
        ) : null}
      </div>
      {list.isPending ? (
        <SkeletonRows rows={4} />
      ) : list.isError ? (
        <FormAlert message={messageOf(list.error)} />
      ) : items.length === 0 ? (
        <EmptyState icon={<Icons.project width={22} height={22} />} title="No change requests yet">
          {canEdit
            ? 'Raise one when someone asks for more, less or different work: see what it does to the plan before it is approved.'
            : 'When someone asks for more, less or different work, its change request and its impact on the plan show here.'}
        </EmptyState>
      ) : (
        <div className="changes__split">
          <section className="card changes__list" aria-label="Change requests">
            <table className="data-table">
              <thead>
                <tr>
                  <th>#</th>
                  <th>Title</th>
                  <th>Status</th>
                  <th className="number">Finish</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr
                    key={item.id}
                    aria-selected={item.id === current?.id}
                    className="changes__row"
                    onClick={() => setSelected(item.id)}
                  >
                    <td className="changes__code">{item.code}</td>
                    <td>
                      <button type="button" className="changes__title" onClick={() => setSelected(item.id)}>
                        {item.title}
                      </button>
                    </td>
                    <td>
                      <span className={`badge change-status change-status--${item.status}`}>
                        {statusLabels[item.status]}
                      </span>
                    </td>
                    <td className="number">
                      {item.impact ? signedWork(item.impact.finish.deltaMinutes) : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card changes__detail">
            <div className="card__body">
              {current ? (
                <ChangeDetail
                  key={current.id}
                  id={current.id}
                  taskName={taskName}
                  onEdit={(change) => setEditing(change)}
                />
              ) : null}
            </div>
          </section>
        </div>
      )}
      <ScopeCard projectId={projectId} />
      {editing !== undefined ? (
        <ChangeEditor
          projectId={projectId}
          change={editing}
          tasks={tasks}
          links={links}
          onClose={() => setEditing(undefined)}
          onSaved={async (saved) => {
            setEditing(undefined);
            setSelected(saved.id);
            toast.success(
              `${saved.code} ${saved.status === 'draft' ? 'saved as a draft' : 'submitted for approval'}`,
            );
            await client.invalidateQueries({ queryKey: changeKeys.list(projectId) });
            await client.invalidateQueries({ queryKey: changeKeys.one(saved.id) });
          }}
        />
      ) : null}
    </div>
  );
}
