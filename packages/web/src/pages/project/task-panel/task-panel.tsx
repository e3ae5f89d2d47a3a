import { useState } from 'react';
import {
  type ConstraintType,
  type Plan,
  type PlanTask,
  planKeys,
  type ScheduledTask,
  type TaskChanges,
} from '../../../api/plan';
import { useVersionedMutation } from '../../../api/versioned-mutation';
import { Icons } from '../../../components/icons';
import { useCan } from '../../../lib/permissions';
import { unitSettingsOf } from '../gantt/cell-values';
import type { PlanEdits } from '../gantt/use-plan-edits';
import { formatGridDate } from '../gantt/wall-clock';
import { TaskAssignments } from '../resources/task-assignments';
import { MarkdownView } from './markdown-view';
import { TaskComments } from './task-comments';
import { TaskFeatureField } from './task-feature-field';
import { TaskLinks } from './task-links';

const constraintNames: Record<ConstraintType, string> = {
  asap: 'As soon as possible',
  alap: 'As late as possible',
  snet: 'Start no earlier than',
  snlt: 'Start no later than',
  fnet: 'Finish no earlier than',
  fnlt: 'Finish no later than',
  mso: 'Must start on',
  mfo: 'Must finish on',
};

const defaultStatuses = [
  { key: 'todo', name: 'To do' },
  { key: 'in_progress', name: 'In progress' },
  { key: 'review', name: 'In review' },
  { key: 'done', name: 'Done' },
];

/**
 * Everything about one task, for the Gantt and every other view: its fields, its Markdown description, its links
 * with type and lag, its constraint and deadline, and its comments. Each field is saved when it is left.
 */
export function TaskPanel({
  plan,
  task,
  scheduled,
  edits,
  onClose,
}: {
  plan: Plan;
  task: PlanTask;
  scheduled: ScheduledTask | undefined;
  edits: PlanEdits;
  onClose: () => void;
}) {
  const [editingDescription, setEditingDescription] = useState(false);
  const canEdit = useCan('edit');
  const settings = unitSettingsOf(plan.project.calendar);
  // Fields save one after the other, each from the task as the plan holds it after the save before, so a field left
  // while another saves is neither refused as stale nor wiped (each field remounts only when its own value changes).
  const update = useVersionedMutation<PlanTask, TaskChanges, boolean>({
    scope: `task-${task.id}`,
    cache: {
      latest: (client, entity) =>
        client.getQueryData<Plan>(planKeys.plan(plan.project.id))?.tasks.find((t) => t.id === entity.id),
    },
    save: (latest, changes) => edits.updateTask(latest, changes),
  });
  const save = (changes: TaskChanges) => update.mutate({ entity: task, changes });
  const statuses = plan.project.workflow?.length ? plan.project.workflow : defaultStatuses;
  const constraint = task.constraintType ?? 'asap';
  const slackDays = scheduled ? Math.round((scheduled.totalSlack / settings.minutesPerDay) * 10) / 10 : 0;
  return (
    <aside className="task-panel" aria-label={`Task ${task.name}`}>
      <header className="task-panel__header">
        <h2 className="task-panel__title">{task.name}</h2>
        <button
          type="button"
          className="button button--ghost button--small"
          aria-label="Close"
          onClick={onClose}
        >
          <Icons.close width={14} />
        </button>
      </header>
      <div className="task-panel__body" key={task.id}>
        {/* Read-only, every field shows its value and none can be changed. */}
        <fieldset className="read-only-fields" disabled={!canEdit}>
          <p className="muted">
            {formatGridDate(scheduled?.start)} → {formatGridDate(scheduled?.finish)}
            {scheduled ? ` · slack ${slackDays}d` : ''}
            {scheduled?.critical ? ' · critical' : ''}
          </p>
          <label className="field">
            <span className="field__label">Name</span>
            <input
              key={`name-${task.name}`}
              className="input"
              defaultValue={task.name}
              onBlur={(event) => {
                const name = event.target.value.trim();
                if (name && name !== task.name) save({ name });
              }}
            />
          </label>
          <div className="field">
            <div className="row" style={{ justifyContent: 'space-between' }}>
              <span className="field__label">Description</span>
              {canEdit ? (
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => setEditingDescription((v) => !v)}
                >
                  {editingDescription ? 'Preview' : 'Edit'}
                </button>
              ) : null}
            </div>
            {editingDescription ? (
              <textarea
                key={`description-${task.description ?? ''}`}
                className="input"
                aria-label="Description"
                rows={6}
                defaultValue={task.description ?? ''}
                onBlur={(event) => {
                  if (event.target.value !== (task.description ?? ''))
                    save({ description: event.target.value });
                }}
              />
            ) : task.description ? (
              <MarkdownView source={task.description} />
            ) : (
              <p className="muted">No description.</p>
            )}
          </div>
          <div className="task-panel__pair">
            <label className="field">
              <span className="field__label">Status</span>
              <select
                key={`status-${task.status ?? 'todo'}`}
                className="input"
                defaultValue={task.status ?? 'todo'}
                onChange={(event) => save({ status: event.target.value })}
              >
                {statuses.map((s) => (
                  <option key={s.key} value={s.key}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">Scheduling</span>
              <select
                key={`scheduling-${task.scheduling ?? 'auto'}`}
                className="input"
                defaultValue={task.scheduling ?? 'auto'}
                onChange={(event) => save({ scheduling: event.target.value as 'auto' | 'manual' })}
              >
                <option value="auto">Automatic</option>
                <option value="manual">Manual</option>
              </select>
            </label>
          </div>
          <div className="task-panel__pair">
            <label className="field">
              <span className="field__label">% complete</span>
              <input
                key={`percent-${task.percentComplete ?? 0}`}
                className="input"
                type="number"
                min={0}
                max={100}
                defaultValue={task.percentComplete ?? 0}
                onBlur={(event) => {
                  const value = Number(event.target.value);
                  if (value !== task.percentComplete && value >= 0 && value <= 100)
                    save({ percentComplete: value });
                }}
              />
            </label>
            <label className="field">
              <span className="field__label">Story points</span>
              <input
                key={`points-${task.storyPoints ?? ''}`}
                className="input"
                type="number"
                min={0}
                step="any"
                defaultValue={task.storyPoints ?? ''}
                onBlur={(event) => {
                  const text = event.target.value;
                  const value = text === '' ? null : Number(text);
                  if (value !== (task.storyPoints ?? null)) save({ storyPoints: value });
                }}
              />
            </label>
          </div>
          <label className="field">
            <span className="field__label">Constraint</span>
            <select
              key={`constraint-${constraint}`}
              className="input"
              defaultValue={constraint}
              onChange={(event) => {
                const type = event.target.value as ConstraintType;
                const needsDate = type !== 'asap' && type !== 'alap';
                save(
                  needsDate
                    ? {
                        constraintType: type,
                        constraintDate: task.constraintDate ?? scheduled?.start ?? null,
                      }
                    : { constraintType: type, constraintDate: null },
                );
              }}
            >
              {Object.entries(constraintNames).map(([key, name]) => (
                <option key={key} value={key}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          {constraint !== 'asap' && constraint !== 'alap' ? (
            <label className="field">
              <span className="field__label">Constraint date</span>
              <input
                key={`constraint-date-${task.constraintDate ?? ''}`}
                className="input"
                type="datetime-local"
                defaultValue={task.constraintDate ?? ''}
                onBlur={(event) => {
                  if (event.target.value && event.target.value !== task.constraintDate)
                    save({ constraintDate: event.target.value.slice(0, 16) });
                }}
              />
            </label>
          ) : null}
          <label className="field">
            <span className="field__label">Deadline</span>
            <input
              key={`deadline-${task.deadline ?? ''}`}
              className="input"
              type="datetime-local"
              defaultValue={task.deadline ?? ''}
              onBlur={(event) => {
                const value = event.target.value ? event.target.value.slice(0, 16) : null;
                if (value !== (task.deadline ?? null)) save({ deadline: value });
              }}
            />
          </label>
          <label className="field">
            <span className="field__label">Labels</span>
            <input
              key={`labels-${(task.labels ?? []).join(',')}`}
              className="input"
              placeholder="design, backend"
              defaultValue={(task.labels ?? []).join(', ')}
              onBlur={(event) => {
                const labels = event.target.value
                  .split(',')
                  .map((l) => l.trim())
                  .filter(Boolean);
                if (labels.join(',') !== (task.labels ?? []).join(',')) save({ labels });
              }}
            />
          </label>
          <TaskFeatureField
            productId={plan.project.productId ?? null}
            featureId={task.featureId ?? null}
            onChange={(featureId) => save({ featureId })}
          />
          <label className="row" style={{ gap: 8 }}>
            <input
              key={`milestone-${task.isMilestone ?? false}`}
              type="checkbox"
              defaultChecked={task.isMilestone ?? false}
              onChange={(event) => save({ isMilestone: event.target.checked })}
            />
            Milestone
          </label>
          <TaskLinks plan={plan} task={task} edits={edits} minutesPerDay={settings.minutesPerDay} />
          <TaskAssignments
            workspaceId={plan.project.workspaceId}
            projectId={plan.project.id}
            taskId={task.id}
          />
        </fieldset>
        <TaskComments taskId={task.id} />
      </div>
    </aside>
  );
}
