import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { EmptyState, FormAlert, SkeletonRows } from '../../../components/feedback';
import { Icons } from '../../../components/icons';
import type { ProjectViewProps } from '../project-views';
import { useOwnerName } from '../risks/owners';
import {
  kindLabels,
  priorityLabels,
  type RaidFilters,
  type RaidItem,
  type RaidKind,
  type RaidStatus,
  raidApi,
  raidKeys,
  raidStatusLabels,
  severityLabels,
} from './raid-api';
import { RaidDialog } from './raid-dialog';
import '../risks/risks.css';
import './raid.css';
import { useCan } from '../../../lib/permissions';

const kinds: { value: RaidKind | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'issue', label: 'Issues' },
  { value: 'assumption', label: 'Assumptions' },
  { value: 'decision', label: 'Decisions' },
];

const shortDate = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The RAID log tab: issues, assumptions and decisions of the project, filtered by kind and status. */
export function RaidView({ workspaceId, projectId }: ProjectViewProps) {
  const [kind, setKind] = useState<RaidKind | ''>('');
  const [status, setStatus] = useState<RaidStatus | ''>('');
  const [editing, setEditing] = useState<{ id: string | null; fallback: RaidItem | null } | null>(null);
  const filters: RaidFilters = { ...(kind ? { kind } : {}), ...(status ? { status } : {}) };
  const list = useQuery({
    queryKey: raidKeys.list(projectId, filters),
    queryFn: () => raidApi.list(projectId, filters),
  });
  const { ownerName } = useOwnerName(workspaceId);
  const items = list.data?.items ?? [];
  const current = editing?.id ? (items.find((item) => item.id === editing.id) ?? editing.fallback) : null;
  const newKind: RaidKind = kind || 'issue';
  const canEdit = useCan('edit');
  return (
    <div className="stack">
      <div className="risks__toolbar">
        <div className="segmented" role="tablist" aria-label="Kind">
          {kinds.map((option) => (
            <button
              key={option.value}
              type="button"
              role="tab"
              aria-selected={kind === option.value}
              className="segmented__option"
              onClick={() => setKind(option.value)}
            >
              {option.label}
            </button>
          ))}
        </div>
        <div className="row">
          <select
            className="select select--small"
            aria-label="Status"
            value={status}
            onChange={(event) => setStatus(event.target.value as RaidStatus | '')}
          >
            <option value="">All statuses</option>
            {Object.entries(raidStatusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          {canEdit ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => setEditing({ id: null, fallback: null })}
            >
              <Icons.plus width={16} height={16} /> Add {kindLabels[newKind].toLowerCase()}
            </button>
          ) : null}
        </div>
      </div>
      {list.isPending ? (
        <SkeletonRows rows={4} />
      ) : list.isError ? (
        <FormAlert message={messageOf(list.error)} />
      ) : items.length === 0 ? (
        <EmptyState icon={<Icons.project width={22} height={22} />} title="Nothing in the log here">
          Keep the project's issues, the assumptions its plan rests on and the decisions taken, each with an
          owner and a due date. Risks that occur arrive here as issues.
        </EmptyState>
      ) : (
        <section className="card">
          <div className="card__body">
            <div className="table-scroll">
              <table className="data-table raid-table" aria-label="RAID log">
                <thead>
                  <tr>
                    <th>Kind</th>
                    <th>Title</th>
                    <th>Severity</th>
                    <th>Priority</th>
                    <th>Owner</th>
                    <th>Due</th>
                    <th>Status</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.id} data-raid-id={item.id}>
                      <td>
                        <span className={`badge raid-kind--${item.kind}`}>{kindLabels[item.kind]}</span>
                      </td>
                      <td className="risk-table__title">
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => setEditing({ id: item.id, fallback: item })}
                        >
                          {item.title}
                        </button>
                        {item.riskId ? (
                          <span className="risk-table__category">From a risk that occurred</span>
                        ) : null}
                      </td>
                      <td>
                        <span className={`severity severity--${item.severity}`}>
                          {severityLabels[item.severity]}
                        </span>
                      </td>
                      <td>{priorityLabels[item.priority]}</td>
                      <td>{ownerName(item.ownerId)}</td>
                      <td className={item.overdue ? 'risk-table__overdue' : undefined}>
                        {item.dueDate ? shortDate(item.dueDate) : <span className="muted">—</span>}
                        {item.overdue ? <span className="badge badge--danger">Overdue</span> : null}
                      </td>
                      <td>
                        <span className={`badge raid-status--${item.status}`}>
                          {raidStatusLabels[item.status]}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </section>
      )}
      {editing ? (
        <RaidDialog
          key={editing.id ?? 'new'}
          workspaceId={workspaceId}
          projectId={projectId}
          item={current}
          kind={newKind}
          open
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
