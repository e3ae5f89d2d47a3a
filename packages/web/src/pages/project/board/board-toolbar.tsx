import type { ReactNode } from 'react';
import { Icons } from '../../../components/icons';
import {
  AssigneeSelect,
  LabelSelect,
  SprintSelect,
  TaskSearchInput,
} from '../task-filters/task-filter-controls';
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
  readOnly,
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
  /** Leaves out the column and field settings, for a caller who may not change them. */
  readOnly: boolean;
  views: ReactNode;
}) {
  const set = (change: Partial<TaskFilter>) => onFilter({ ...filter, ...change });
  return (
    <div className="agile-toolbar">
      <TaskSearchInput filter={filter} set={set} noun="cards" />
      <LabelSelect filter={filter} set={set} labels={labels} />
      <AssigneeSelect filter={filter} set={set} people={people} />
      <SprintSelect
        filter={filter}
        set={set}
        sprints={sprints.filter((sprint) => sprint.state !== 'completed')}
        markActive
      />
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
      {readOnly ? null : (
        <>
          <button type="button" className="button" onClick={onSettings}>
            <Icons.settings width={14} /> Columns
          </button>
          <button type="button" className="button" onClick={onFields}>
            Fields
          </button>
        </>
      )}
    </div>
  );
}
