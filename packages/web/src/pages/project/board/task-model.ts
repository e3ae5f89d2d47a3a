import { rankBetween } from '@tandem/core';
import { type AgileTask, type Assignee, type Priority, priorities } from './agile-api';

/** What the board, list and backlog derive once from the task tree. */
export interface TaskIndex {
  /** Tasks with no children: the cards and rows (summaries are epics, not work items). */
  leaves: AgileTask[];
  /** The outline number of every task, e.g. `2.1.3`. */
  outline: Map<string, string>;
  /** The top-level summary above each task (its epic), if it has one. */
  epic: Map<string, AgileTask>;
  /** Names of the people and resources on each task. */
  assignees: Map<string, string[]>;
}

/** Builds the index: leaves, outline numbers from sibling positions, each task's epic and assignees. */
export function indexTasks(tasks: readonly AgileTask[], assignments: readonly Assignee[] = []): TaskIndex {
  const children = new Map<string | null, AgileTask[]>();
  for (const task of tasks) {
    const list = children.get(task.parentId) ?? [];
    list.push(task);
    children.set(task.parentId, list);
  }
  const outline = new Map<string, string>();
  const epic = new Map<string, AgileTask>();
  const walk = (parentId: string | null, prefix: string, top: AgileTask | undefined) => {
    const siblings = (children.get(parentId) ?? []).sort(
      (a, b) => a.position - b.position || a.id.localeCompare(b.id),
    );
    siblings.forEach((task, index) => {
      const number = prefix ? `${prefix}.${index + 1}` : String(index + 1);
      outline.set(task.id, number);
      if (top) epic.set(task.id, top);
      walk(task.id, number, top ?? (children.has(task.id) ? task : undefined));
    });
  };
  walk(null, '', undefined);
  const assignees = new Map<string, string[]>();
  for (const a of assignments) assignees.set(a.taskId, [...(assignees.get(a.taskId) ?? []), a.name]);
  return { leaves: tasks.filter((task) => !children.has(task.id)), outline, epic, assignees };
}

/** What a person narrows a board or list to; empty fields do not filter. */
export interface TaskFilter {
  text?: string;
  status?: string;
  priority?: Priority | '';
  label?: string;
  /** A sprint id, `backlog` for tasks in no sprint, or empty. */
  sprint?: string;
  /** An assignee's name, `none` for unassigned tasks, or empty. */
  assignee?: string;
}

/** The tasks that pass every filter. */
export function filterTasks(tasks: readonly AgileTask[], filter: TaskFilter, index: TaskIndex): AgileTask[] {
  const text = filter.text?.trim().toLowerCase() ?? '';
  return tasks.filter((task) => {
    if (text && !task.name.toLowerCase().includes(text) && index.outline.get(task.id) !== text) return false;
    if (filter.status && task.status !== filter.status) return false;
    if (filter.priority && task.priority !== filter.priority) return false;
    if (filter.label && !task.labels.includes(filter.label)) return false;
    if (
      filter.sprint === 'backlog' ? task.sprintId !== null : filter.sprint && task.sprintId !== filter.sprint
    ) {
      return false;
    }
    const people = index.assignees.get(task.id) ?? [];
    if (
      filter.assignee === 'none' ? people.length > 0 : filter.assignee && !people.includes(filter.assignee)
    ) {
      return false;
    }
    return true;
  });
}

/** Every label used by the tasks, sorted. */
export function labelsOf(tasks: readonly AgileTask[]): string[] {
  return [...new Set(tasks.flatMap((task) => task.labels))].sort((a, b) => a.localeCompare(b));
}

/** Orders by rank (board columns and the backlog), ties by outline position. */
export function byRank(a: AgileTask, b: AgileTask): number {
  return a.rank - b.rank || a.position - b.position || a.id.localeCompare(b.id);
}

/** A priority's place from highest (0) to lowest (4). */
export function priorityOrder(priority: Priority): number {
  return priorities.indexOf(priority);
}

/**
 * The rank that puts a task at `index` among `list` (sorted by rank, without the task itself).
 * @example rankAt([{rank: 1}, {rank: 2}], 1) === 1.5
 */
export function rankAt(list: readonly { rank: number }[], index: number): number {
  const clamped = Math.max(0, Math.min(index, list.length));
  return rankBetween(list[clamped - 1]?.rank, list[clamped]?.rank);
}
