import type { ReactNode } from 'react';
import { Icons } from '../../../components/icons';
import type { Sprint } from './agile-api';
import type { Swimlanes } from './board-lanes';
import type { TaskFilter } from './task-model';

/** Filters (text, label, assignee, sprint), swimlanes, saved views and the workflow settings of the board. */
export function BoardToolbar({
  filter,
  onFilter,
  swimlanes,
  onSwimlanes,
  labels,
  people,
  sprints,
  shown,
  total,
  onSettings,
  onFields,
  views,
}: {
  filter: TaskFilter;
  onFilter: (filter: TaskFilter) => void;
  swimlanes: Swimlanes;
  onSwimlanes: (swimlanes: Swimlanes) => void;
  labels: readonly string[];
  people: readonly string[];
  sprints: readonly Sprint[];
  shown: number;
  total: number;
  onSettings: () => void;
  onFields: () => void;
  views: ReactNode;
}) {
  const set = (change: Partial<TaskFilter>) => onFilter({ ...filter, ...change });
  return (
    <div className="agile-toolbar">
      <input
        className="input input--search"
        type="search"
        placeholder="Filter cards"
        aria-label="Filter cards by name or key"
        value={filter.text ?? ''}
        onChange={(event) => set({ text: event.target.value })}
      />
      <select
        className="select select--small"
        aria-label="Label"
        value={filter.label ?? ''}
        onChange={(event) => set({ label: event.target.value })}
      >
        <option value="">Any label</option>
        {labels.map((label) => (
          <option key={label} value={label}>
            {label}
          </option>
        ))}
      </select>
      <select
        className="select select--small"
        aria-label="Assignee"
        value={filter.assignee ?? ''}
        onChange={(event) => set({ assignee: event.target.value })}
      >
        <option value="">Anyone</option>
        <option value="none">Unassigned</option>
        {people.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <select
        className="select select--small"
        aria-label="Sprint"
        value={filter.sprint ?? ''}
        onChange={(event) => set({ sprint: event.target.value })}
      >
        <option value="">Any sprint</option>
        <option value="backlog">Backlog</option>
        {sprints
          .filter((sprint) => sprint.state !== 'completed')
          .map((sprint) => (
            <option key={sprint.id} value={sprint.id}>
              {sprint.name}
              {sprint.state === 'active' ? ' (active)' : ''}
            </option>
          ))}
      </select>
      <select
        className="select select--small"
        aria-label="Swimlanes"
        value={swimlanes}
        onChange={(event) => onSwimlanes(event.target.value as Swimlanes)}
      >
        <option value="none">No swimlanes</option>
        <option value="assignee">Swimlanes by assignee</option>
        <option value="epic">Swimlanes by epic</option>
        <option value="priority">Swimlanes by priority</option>
      </select>
      <span className="subtle agile-toolbar__count">
        {shown === total ? `${total} cards` : `${shown} of ${total} cards`}
      </span>
      <span className="spacer" />
      {views}
      <button type="button" className="button" onClick={onSettings}>
        <Icons.settings width={14} /> Columns
      </button>
      <button type="button" className="button" onClick={onFields}>
        Fields
      </button>
    </div>
  );
}
