import type { AgileTask, Sprint, WorkflowColumn } from '../board/agile-api';
import { priorityOrder, type TaskIndex } from '../board/task-model';

/** The columns a list sorts by. */
export type ListField =
  | 'outline'
  | 'name'
  | 'status'
  | 'priority'
  | 'storyPoints'
  | 'sprint'
  | 'assignee'
  | 'updatedAt';

/** What a list groups its rows by. */
export type ListGroup = 'none' | 'status' | 'priority' | 'sprint' | 'assignee' | 'label';

export interface ListSort {
  field: ListField;
  direction: 'asc' | 'desc';
}

/** A row of the list: a group's heading or a task. */
export type ListRow =
  | { kind: 'group'; key: string; title: string; count: number; points: number }
  | { kind: 'task'; task: AgileTask };

/** What a list reads besides the tasks: column and sprint names, for sorting and group titles. */
export interface ListContext {
  index: TaskIndex;
  columns: readonly WorkflowColumn[];
  sprints: readonly Sprint[];
}

const outlineKey = (outline: string) =>
  outline
    .split('.')
    .map((part) => part.padStart(6, '0'))
    .join('.');

/** The value a task sorts by in a field; numbers sort as numbers, the rest as text. */
function sortValue(task: AgileTask, field: ListField, context: ListContext): string | number {
  switch (field) {
    case 'outline':
      return outlineKey(context.index.outline.get(task.id) ?? '');
    case 'name':
      return task.name.toLowerCase();
    case 'status': {
      const at = context.columns.findIndex((column) => column.key === task.status);
      return at === -1 ? 999 : at;
    }
    case 'priority':
      return priorityOrder(task.priority);
    case 'storyPoints':
      return task.storyPoints ?? -1;
    case 'sprint': {
      const at = context.sprints.findIndex((sprint) => sprint.id === task.sprintId);
      return at === -1 ? 9999 : at;
    }
    case 'assignee':
      return (context.index.assignees.get(task.id)?.[0] ?? '\uffff').toLowerCase();
    case 'updatedAt':
      return task.updatedAt;
  }
}

/** Sorts tasks by one field, ties by outline. */
export function sortTasks(tasks: readonly AgileTask[], sort: ListSort, context: ListContext): AgileTask[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = tasks.map((task) => ({
    task,
    key: sortValue(task, sort.field, context),
    tie: outlineKey(context.index.outline.get(task.id) ?? ''),
  }));
  keyed.sort((a, b) => {
    const order =
      typeof a.key === 'number' && typeof b.key === 'number'
        ? a.key - b.key
        : String(a.key).localeCompare(String(b.key));
    return order * sign || a.tie.localeCompare(b.tie);
  });
  return keyed.map((entry) => entry.task);
}

/** The groups a task falls in (a task with two labels is listed under each). */
function groupsOf(
  task: AgileTask,
  group: ListGroup,
  context: ListContext,
): { key: string; title: string; order: number }[] {
  switch (group) {
    case 'none':
      return [{ key: 'all', title: 'All tasks', order: 0 }];
    case 'status': {
      const at = context.columns.findIndex((column) => column.key === task.status);
      return [
        { key: task.status, title: context.columns[at]?.name ?? task.status, order: at === -1 ? 999 : at },
      ];
    }
    case 'priority':
      return [{ key: task.priority, title: task.priority, order: priorityOrder(task.priority) }];
    case 'sprint': {
      const at = context.sprints.findIndex((sprint) => sprint.id === task.sprintId);
      const sprint = context.sprints[at];
      return [
        sprint
          ? { key: sprint.id, title: sprint.name, order: at }
          : { key: 'backlog', title: 'Backlog', order: 9999 },
      ];
    }
    case 'assignee': {
      const names = context.index.assignees.get(task.id) ?? [];
      return names.length === 0
        ? [{ key: '', title: 'Unassigned', order: 1 }]
        : names.map((name) => ({ key: `a:${name}`, title: name, order: 0 }));
    }
    case 'label':
      return task.labels.length === 0
        ? [{ key: '', title: 'No label', order: 1 }]
        : task.labels.map((label) => ({ key: `l:${label}`, title: label, order: 0 }));
  }
}

/** The rows of the list: sorted tasks, under a heading per group (with its task count and points) when grouped. */
export function listRows(
  tasks: readonly AgileTask[],
  sort: ListSort,
  group: ListGroup,
  context: ListContext,
): ListRow[] {
  const sorted = sortTasks(tasks, sort, context);
  if (group === 'none') return sorted.map((task) => ({ kind: 'task', task }));
  const groups = new Map<string, { title: string; order: number; tasks: AgileTask[] }>();
  for (const task of sorted) {
    for (const { key, title, order } of groupsOf(task, group, context)) {
      const entry = groups.get(key) ?? { title, order, tasks: [] };
      entry.tasks.push(task);
      groups.set(key, entry);
    }
  }
  const ordered = [...groups.entries()].sort(
    ([, a], [, b]) => a.order - b.order || a.title.localeCompare(b.title),
  );
  return ordered.flatMap(([key, entry]) => [
    {
      kind: 'group' as const,
      key,
      title: entry.title,
      count: entry.tasks.length,
      points: entry.tasks.reduce((sum, task) => sum + (task.storyPoints ?? 0), 0),
    },
    ...entry.tasks.map((task) => ({ kind: 'task' as const, task })),
  ]);
}
