import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { messageOf } from '../../../api/client';
import { planApi, planKeys } from '../../../api/plan';
import { EmptyState, FormAlert, SkeletonRows } from '../../../components/feedback';
import { Icons } from '../../../components/icons';
import {
  type Assignment,
  hoursOf,
  moneyOf,
  percentOf,
  resourceKeys,
  resourcesApi,
} from '../../resources/resources-api';
import type { ProjectViewProps } from '../project-views';
import { TaskAssignments } from './task-assignments';
import '../../resources/resources.css';
import { useCan } from '../../../lib/permissions';

/** The project's assignments grouped by resource, with the work each brings; and assigning from a task. */
export function ResourcesView({ workspaceId, projectId }: ProjectViewProps) {
  const canEdit = useCan('edit');
  const assignments = useQuery({
    queryKey: resourceKeys.assignments(projectId),
    queryFn: () => resourcesApi.assignments(projectId),
  });
  const plan = useQuery({
    queryKey: planKeys.plan(projectId),
    queryFn: ({ signal }) => planApi.plan(projectId, signal),
  });
  const actuals = useQuery({
    queryKey: resourceKeys.actuals(projectId),
    queryFn: () => resourcesApi.actuals(projectId),
  });
  const durations = new Map((plan.data?.tasks ?? []).map((task) => [task.id, task.durationMinutes]));
  const workOf = (assignment: Assignment) =>
    assignment.workMinutes ?? Math.round((durations.get(assignment.taskId) ?? 0) * assignment.units);
  const groups = new Map<string, Assignment[]>();
  for (const assignment of assignments.data?.items ?? []) {
    groups.set(assignment.resourceId, [...(groups.get(assignment.resourceId) ?? []), assignment]);
  }
  const leaves = (plan.data?.tasks ?? []).filter(
    (task) => !(plan.data?.tasks ?? []).some((other) => other.parentId === task.id),
  );
  return (
    <div className="stack">
      <FormAlert message={assignments.error ? messageOf(assignments.error) : undefined} />
      {assignments.isPending ? (
        <SkeletonRows rows={3} />
      ) : groups.size === 0 ? (
        <EmptyState icon={<Icons.people width={22} height={22} />} title="Nobody is assigned yet">
          {canEdit ? (
            <>
              Assign the workspace's{' '}
              <Link to="/w/$workspaceId/resources" params={{ workspaceId }}>
                resources
              </Link>{' '}
              to tasks below, or from a task's details.
            </>
          ) : (
            'The people and equipment assigned to this project’s tasks show here, with their work.'
          )}
        </EmptyState>
      ) : (
        <section className="card workload" aria-label="Assignments by resource">
          <table>
            <thead>
              <tr>
                <th scope="col">Resource / task</th>
                <th scope="col">Units</th>
                <th scope="col">Work</th>
              </tr>
            </thead>
            <tbody>
              {[...groups.values()].map((items) => {
                const first = items[0] as Assignment;
                return [
                  <tr key={first.resourceId}>
                    <th scope="rowgroup">{first.resourceName}</th>
                    <td />
                    <td>
                      <strong>
                        {hoursOf(items.reduce((sum, assignment) => sum + workOf(assignment), 0))}
                      </strong>
                    </td>
                  </tr>,
                  ...items.map((assignment) => (
                    <tr key={assignment.id}>
                      <td style={{ paddingLeft: 24 }}>{assignment.taskName}</td>
                      <td>{percentOf(assignment.units)}</td>
                      <td>{hoursOf(workOf(assignment))}</td>
                    </tr>
                  )),
                ];
              })}
            </tbody>
          </table>
        </section>
      )}
      {actuals.data && actuals.data.items.length > 0 ? (
        <section className="card workload" aria-labelledby="actuals-title">
          <header className="card__header">
            <h2 id="actuals-title">Actuals</h2>
            <p>
              {hoursOf(actuals.data.totalMinutes)} logged, costing {moneyOf(actuals.data.totalCostCents)} at
              the standard rates of the people who logged them.
            </p>
          </header>
          <table aria-label="Actual work and cost by task">
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Logged</th>
                <th scope="col">Cost</th>
              </tr>
            </thead>
            <tbody>
              {actuals.data.items.map((item) => (
                <tr key={item.taskId}>
                  <td>{item.taskName}</td>
                  <td>{hoursOf(item.actualMinutes)}</td>
                  <td>{moneyOf(item.actualCostCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <section className="card" aria-labelledby="assign-title" hidden={!canEdit}>
        <header className="card__header">
          <h2 id="assign-title">Assign by task</h2>
        </header>
        <div className="card__body stack">
          {leaves.length === 0 ? <p className="muted">The plan has no tasks yet.</p> : null}
          {leaves.map((task) => (
            <details key={task.id}>
              <summary>{task.name}</summary>
              <TaskAssignments workspaceId={workspaceId} projectId={projectId} taskId={task.id} />
            </details>
          ))}
        </div>
      </section>
    </div>
  );
}
