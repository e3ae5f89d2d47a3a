import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { initials } from '../../../components/feedback';
import { Icons } from '../../../components/icons';
import { relativeTime } from '../../../lib/format';
import {
  type AgileTask,
  type Priority,
  priorities,
  useAssignees,
  useSprints,
  type Workflow,
} from '../board/agile-api';
import { TaskDetails } from '../board/task-details';
import { filterTasks, indexTasks, labelsOf, type TaskFilter } from '../board/task-model';
import type { ProjectViewProps } from '../project-views';
import { TaskDataGate } from '../task-filters/task-data-gate';
import {
  AssigneeSelect,
  LabelSelect,
  peopleOf,
  SprintSelect,
  TaskSearchInput,
} from '../task-filters/task-filter-controls';
import { type ListContext, type ListField, type ListGroup, type ListSort, listRows } from './list-rows';
import { SavedViewPicker } from './saved-view-picker';
import '../board/board.css';
import './list.css';

/** The list tab: every work item of the project as a table to filter, sort, group and save as a shared view. */
export function ListView({ projectId }: ProjectViewProps) {
  return (
    <TaskDataGate projectId={projectId} what="list" rows={8}>
      {(tasks, workflow) => <TaskList projectId={projectId} tasks={tasks} workflow={workflow} />}
    </TaskDataGate>
  );
}

/** What a saved list view keeps. */
interface ListConfig {
  filter: TaskFilter;
  sort: ListSort;
  group: ListGroup;
}

const headers: { field: ListField; label: string }[] = [
  { field: 'outline', label: 'Key' },
  { field: 'name', label: 'Name' },
  { field: 'status', label: 'Status' },
  { field: 'priority', label: 'Priority' },
  { field: 'storyPoints', label: 'Points' },
  { field: 'sprint', label: 'Sprint' },
  { field: 'assignee', label: 'Assignees' },
  { field: 'updatedAt', label: 'Updated' },
];
const template = '70px minmax(220px, 3fr) 120px 90px 60px 130px 120px minmax(100px, 1fr) 100px';
const rowHeight = 40;

function TaskList({
  projectId,
  tasks,
  workflow,
}: {
  projectId: string;
  tasks: AgileTask[];
  workflow: Workflow;
}) {
  const assignees = useAssignees(projectId);
  const sprints = useSprints(projectId);
  const [filter, setFilter] = useState<TaskFilter>({});
  const [sort, setSort] = useState<ListSort>({ field: 'outline', direction: 'asc' });
  const [group, setGroup] = useState<ListGroup>('none');
  const [openId, setOpenId] = useState<string>();
  const scroller = useRef<HTMLDivElement>(null);
  const index = useMemo(() => indexTasks(tasks, assignees.data ?? []), [tasks, assignees.data]);
  const context: ListContext = useMemo(
    () => ({ index, columns: workflow.columns, sprints: sprints.data ?? [] }),
    [index, workflow.columns, sprints.data],
  );
  const shown = useMemo(() => filterTasks(index.leaves, filter, index), [index, filter]);
  const rows = useMemo(() => listRows(shown, sort, group, context), [shown, sort, group, context]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const people = peopleOf(assignees.data);
  const set = (change: Partial<TaskFilter>) => setFilter({ ...filter, ...change });
  const columnName = (key: string) => workflow.columns.find((column) => column.key === key)?.name ?? key;
  const sprintName = (id: string | null) =>
    id ? (sprints.data?.find((s) => s.id === id)?.name ?? '') : 'Backlog';
  const open = openId ? tasks.find((task) => task.id === openId) : undefined;
  return (
    <div className="task-list">
      <div className="agile-toolbar">
        <TaskSearchInput filter={filter} set={set} noun="tasks" />
        <select
          className="select select--small"
          aria-label="Status"
          value={filter.status ?? ''}
          onChange={(event) => set({ status: event.target.value })}
        >
          <option value="">Any status</option>
          {workflow.columns.map((column) => (
            <option key={column.key} value={column.key}>
              {column.name}
            </option>
          ))}
        </select>
        <select
          className="select select--small"
          aria-label="Priority"
          value={filter.priority ?? ''}
          onChange={(event) => set({ priority: event.target.value as Priority | '' })}
        >
          <option value="">Any priority</option>
          {priorities.map((priority) => (
            <option key={priority} value={priority}>
              {priority}
            </option>
          ))}
        </select>
        <LabelSelect filter={filter} set={set} labels={labelsOf(index.leaves)} />
        <SprintSelect filter={filter} set={set} sprints={sprints.data ?? []} />
        <AssigneeSelect filter={filter} set={set} people={people} />
        <select
          className="select select--small"
          aria-label="Group by"
          value={group}
          onChange={(event) => setGroup(event.target.value as ListGroup)}
        >
          <option value="none">No grouping</option>
          <option value="status">Group by status</option>
          <option value="priority">Group by priority</option>
          <option value="sprint">Group by sprint</option>
          <option value="assignee">Group by assignee</option>
          <option value="label">Group by label</option>
        </select>
        <span className="spacer" />
        <SavedViewPicker<ListConfig>
          projectId={projectId}
          kind="list"
          current={{ filter, sort, group }}
          onApply={(config) => {
            setFilter(config.filter ?? {});
            if (config.sort) setSort(config.sort);
            setGroup(config.group ?? 'none');
          }}
        />
      </div>
      <section className="table" aria-label="Tasks">
        <div className="table__head" style={{ gridTemplateColumns: template }}>
          {headers.map((header) => {
            const active = sort.field === header.field ? sort.direction : undefined;
            return (
              <span key={header.field}>
                <button
                  type="button"
                  className="table__sort"
                  aria-label={`${header.label}${active ? `, sorted ${active === 'asc' ? 'ascending' : 'descending'}` : ''}. Sort`}
                  onClick={() =>
                    setSort({ field: header.field, direction: active === 'asc' ? 'desc' : 'asc' })
                  }
                >
                  {header.label}
                  {active === 'asc' ? (
                    <Icons.arrowUp width={12} />
                  ) : active === 'desc' ? (
                    <Icons.arrowDown width={12} />
                  ) : null}
                </button>
              </span>
            );
          })}
          <span>Labels</span>
        </div>
        <div ref={scroller} className="table__scroll">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const style = { transform: `translateY(${item.start}px)`, height: rowHeight };
              if (row.kind === 'group') {
                return (
                  <div key={`g-${row.key}`} className="table__row list-group" style={style}>
                    <strong>{row.title}</strong>
                    <span className="subtle">
                      {row.count} {row.count === 1 ? 'task' : 'tasks'} · {row.points} points
                    </span>
                  </div>
                );
              }
              const task = row.task;
              const people = index.assignees.get(task.id) ?? [];
              return (
                <button
                  key={`${item.index}-${task.id}`}
                  type="button"
                  className="table__row list-row"
                  style={{ ...style, gridTemplateColumns: template }}
                  onClick={() => setOpenId(task.id)}
                >
                  <span className="table__cell subtle">{index.outline.get(task.id)}</span>
                  <span className="table__cell table__cell--name">{task.name}</span>
                  <span className="table__cell">
                    <span className="badge">{columnName(task.status)}</span>
                  </span>
                  <span className="table__cell">
                    <span className={`priority priority--${task.priority}`}>{task.priority}</span>
                  </span>
                  <span className="table__cell">{task.storyPoints ?? ''}</span>
                  <span className="table__cell">{sprintName(task.sprintId)}</span>
                  <span className="table__cell row" style={{ gap: 2 }}>
                    {people.slice(0, 3).map((name) => (
                      <span key={name} className="avatar avatar--small" title={name}>
                        {initials(name)}
                      </span>
                    ))}
                  </span>
                  <span className="table__cell subtle">{relativeTime(task.updatedAt)}</span>
                  <span className="table__cell row" style={{ gap: 4 }}>
                    {task.labels.map((label) => (
                      <span key={label} className="chip">
                        {label}
                      </span>
                    ))}
                  </span>
                </button>
              );
            })}
          </div>
          {rows.length === 0 ? <p className="board-cell__empty">No task matches these filters.</p> : null}
        </div>
        <div className="table__footer">
          {shown.length === index.leaves.length
            ? `${shown.length} tasks`
            : `${shown.length} of ${index.leaves.length} tasks`}
        </div>
      </section>
      {open ? (
        <TaskDetails
          task={open}
          projectId={projectId}
          columns={workflow.columns}
          sprints={sprints.data ?? []}
          outline={index.outline.get(open.id) ?? ''}
          onClose={() => setOpenId(undefined)}
        />
      ) : null}
    </div>
  );
}
