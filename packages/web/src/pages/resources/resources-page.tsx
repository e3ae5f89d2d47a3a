import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { messageOf } from '../../api/client';
import { api } from '../../api/endpoints';
import { keys } from '../../api/query-keys';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState, FormAlert, SkeletonRows } from '../../components/feedback';
import { Icons } from '../../components/icons';
import { useToast } from '../../components/toast';
import { useWorkspaceCan } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ResourceDialog } from './resource-dialog';
import { moneyOf, percentOf, type Resource, resourceKeys, resourcesApi } from './resources-api';
import { WorkloadGrid } from './workload-grid';
import './resources.css';

const kindLabels = { person: 'Person', equipment: 'Equipment', material: 'Material' } as const;
const weekdayLetters = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];

function calendarSummary(resource: Resource): string {
  if (resource.kind === 'material') return '—';
  if (!resource.calendar) return "Project's calendar";
  const days = resource.calendar.workingDays.map((day) => weekdayLetters[day]).join(' ');
  return `${days}, ${Math.round(resource.calendar.minutesPerDay / 6) / 10} h/day`;
}

/** The workspace's resources (people, equipment, material) and their workload across projects. */
export function ResourcesPage() {
  const { workspaceId = '' } = useParams({ strict: false }) as { workspaceId?: string };
  useDocumentTitle('Resources');
  const client = useQueryClient();
  const toast = useToast();
  // Owners, admins and the managers of any project staff plans, as the server decides.
  const mayEdit = useWorkspaceCan(workspaceId, 'manageResources');
  const list = useQuery({
    queryKey: resourceKeys.list(workspaceId),
    queryFn: () => resourcesApi.list(workspaceId),
  });
  const members = useQuery({ queryKey: keys.members(workspaceId), queryFn: () => api.members(workspaceId) });
  const [editing, setEditing] = useState<Resource | null | 'new'>(null);
  const [removing, setRemoving] = useState<Resource | null>(null);
  const remove = useMutation({
    mutationFn: (resource: Resource) => resourcesApi.remove(resource),
    onSuccess: (_, resource) => {
      setRemoving(null);
      void client.invalidateQueries({ queryKey: resourceKeys.list(workspaceId) });
      void client.invalidateQueries({ queryKey: resourceKeys.workloadOf(workspaceId) });
      toast.success(`${resource.name} was removed`);
    },
  });
  const nameOf = (userId: string | null) =>
    userId ? (members.data?.items.find((member) => member.user.id === userId)?.user.name ?? '') : '';
  const resources = list.data?.items ?? [];
  return (
    <div className="page page--wide">
      <header className="page-header">
        <div className="page-header__text">
          <h1>Resources</h1>
          <p>People, equipment and material shared by every project, and how loaded they are.</p>
        </div>
        {mayEdit ? (
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            <Icons.plus />
            Add resource
          </button>
        ) : null}
      </header>
      <div className="stack">
        <FormAlert message={list.error ? messageOf(list.error) : undefined} />
        {list.isPending ? (
          <SkeletonRows rows={4} />
        ) : resources.length === 0 ? (
          <EmptyState
            icon={<Icons.people width={22} height={22} />}
            title="No resources yet"
            action={
              mayEdit ? (
                <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
                  Add resource
                </button>
              ) : undefined
            }
          >
            {mayEdit
              ? 'Add the people and equipment who do the work, then assign them to tasks.'
              : 'The people and equipment who do the work show here once an admin or a project manager adds them.'}
          </EmptyState>
        ) : (
          <section className="card workload" aria-label="Resources">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Member</th>
                  <th scope="col">Max units</th>
                  <th scope="col">Rate / h</th>
                  <th scope="col">Working time</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {resources.map((resource) => (
                  <tr key={resource.id}>
                    <th scope="row">{resource.name}</th>
                    <td>{kindLabels[resource.kind]}</td>
                    <td>{nameOf(resource.userId) || '—'}</td>
                    <td>{percentOf(resource.maxUnits)}</td>
                    <td>{moneyOf(resource.standardRateCents)}</td>
                    <td>{calendarSummary(resource)}</td>
                    <td>
                      {mayEdit ? (
                        <div className="row" style={{ justifyContent: 'flex-end', gap: 4 }}>
                          <button
                            type="button"
                            className="button button--ghost button--small"
                            onClick={() => setEditing(resource)}
                            aria-label={`Edit ${resource.name}`}
                          >
                            Edit
                          </button>
                          <button
                            type="button"
                            className="button button--ghost button--small"
                            onClick={() => setRemoving(resource)}
                            aria-label={`Remove ${resource.name}`}
                          >
                            Remove
                          </button>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        <WorkloadGrid workspaceId={workspaceId} />
      </div>
      {editing !== null ? (
        <ResourceDialog
          key={editing === 'new' ? 'new' : `${editing.id}:${editing.version}`}
          workspaceId={workspaceId}
          resource={editing === 'new' ? null : editing}
          open
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={`Remove ${removing?.name ?? ''}?`}
        confirmLabel="Remove"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
      >
        Its assignments in every project are removed with it.
      </ConfirmDialog>
    </div>
  );
}
