import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { planKeys } from '../../../api/plan';
import { itemsCache, useVersionedMutation } from '../../../api/versioned-mutation';
import { FormAlert } from '../../../components/feedback';
import { Icons } from '../../../components/icons';
import { useCan } from '../../../lib/permissions';
import { type Assignment, percentOf, resourceKeys, resourcesApi } from '../../resources/resources-api';
import { AssignmentShape } from './assignment-shape';

/**
 * The resources assigned to one task, with their units: add one of the workspace's resources, change the units,
 * remove it. Any task view can include it (the task panel does).
 * @example <TaskAssignments workspaceId={project.workspaceId} projectId={project.id} taskId={task.id} />
 */
export function TaskAssignments({
  workspaceId,
  projectId,
  taskId,
}: {
  workspaceId: string;
  projectId: string;
  taskId: string;
}) {
  const client = useQueryClient();
  const canEdit = useCan('edit');
  const all = useQuery({
    queryKey: resourceKeys.assignments(projectId),
    queryFn: () => resourcesApi.assignments(projectId),
  });
  const resources = useQuery({
    queryKey: resourceKeys.list(workspaceId),
    queryFn: () => resourcesApi.list(workspaceId),
  });
  const [resourceId, setResourceId] = useState('');
  const [units, setUnits] = useState('100');
  const refresh = () => {
    void client.invalidateQueries({ queryKey: planKeys.plan(projectId) });
    void client.invalidateQueries({ queryKey: resourceKeys.workloadOf(workspaceId) });
  };
  const add = useMutation({
    mutationFn: () => resourcesApi.assign(projectId, { taskId, resourceId, units: Number(units) / 100 }),
    onSuccess: () => {
      setResourceId('');
      setUnits('100');
      refresh();
    },
  });
  // Edits of this task's assignments run one after the other, each with the version the one before wrote.
  const change = useVersionedMutation({
    scope: `assignments-${taskId}`,
    cache: itemsCache<Assignment>(resourceKeys.assignments(projectId)),
    save: resourcesApi.updateAssignment,
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (assignment: Assignment) => resourcesApi.unassign(assignment),
    onSettled: refresh,
  });
  const mine = (all.data?.items ?? []).filter((assignment) => assignment.taskId === taskId);
  const free = (resources.data?.items ?? []).filter(
    (resource) => !mine.some((a) => a.resourceId === resource.id),
  );
  const failure = add.error ?? change.error ?? remove.error;
  return (
    <div className="field">
      <span className="field__label">Assignments</span>
      <FormAlert message={failure ? messageOf(failure) : undefined} />
      {mine.length === 0 ? <p className="muted">Nobody is assigned.</p> : null}
      <ul
        className="stack-sm"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label="Assigned resources"
      >
        {mine.map((assignment) => (
          <li key={assignment.id} className="stack-sm">
            <div className="row" style={{ gap: 8 }}>
              <span style={{ flex: 1 }}>{assignment.resourceName}</span>
              <input
                key={`units-${assignment.units}`}
                className="input"
                style={{ width: 80 }}
                type="number"
                min={1}
                aria-label={`Units of ${assignment.resourceName} (%)`}
                defaultValue={Math.round(assignment.units * 100)}
                onBlur={(event) => {
                  const next = Number(event.target.value) / 100;
                  if (next > 0 && next !== assignment.units)
                    change.mutate({ entity: assignment, changes: { units: next } });
                }}
              />
              <span className="muted">%</span>
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={`Remove ${assignment.resourceName}`}
                onClick={() => remove.mutate(assignment)}
              >
                <Icons.close width={14} />
              </button>
            </div>
            <AssignmentShape
              assignment={assignment}
              canEdit={canEdit}
              onChange={(changes) => change.mutate({ entity: assignment, changes })}
            />
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form
          className="row"
          style={{ gap: 8, marginTop: 8 }}
          onSubmit={(event) => {
            event.preventDefault();
            if (resourceId) add.mutate();
          }}
        >
          <select
            className="select"
            aria-label="Resource to assign"
            value={resourceId}
            onChange={(event) => setResourceId(event.target.value)}
            style={{ flex: 1 }}
          >
            <option value="">Assign a resource…</option>
            {free.map((resource) => (
              <option key={resource.id} value={resource.id}>
                {resource.name}
              </option>
            ))}
          </select>
          <input
            className="input"
            style={{ width: 80 }}
            type="number"
            min={1}
            aria-label="Units (%)"
            value={units}
            onChange={(event) => setUnits(event.target.value)}
          />
          <button type="submit" className="button button--small" disabled={!resourceId || add.isPending}>
            Assign
          </button>
        </form>
      ) : null}
      {mine.length > 0 ? (
        <p className="muted" style={{ fontSize: 12 }}>
          {mine.map((assignment) => `${assignment.resourceName} ${percentOf(assignment.units)}`).join(' · ')}
        </p>
      ) : null}
    </div>
  );
}
