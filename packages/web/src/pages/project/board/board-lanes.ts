import { type AgileTask, priorities, type WorkflowColumn } from './agile-api';
import { byRank, type TaskIndex } from './task-model';

/** How the board splits its cards into horizontal lanes. */
export type Swimlanes = 'none' | 'assignee' | 'epic' | 'priority';

/** One horizontal lane of the board: its cards per column key, each column sorted by rank. */
export interface Lane {
  key: string;
  title: string;
  cells: Map<string, AgileTask[]>;
  count: number;
}

const priorityTitles: Record<string, string> = {
  highest: 'Highest priority',
  high: 'High priority',
  medium: 'Medium priority',
  low: 'Low priority',
  lowest: 'Lowest priority',
};

/** The lane a task belongs to: its first assignee, its epic, or its priority. */
export function laneOf(
  task: AgileTask,
  swimlanes: Swimlanes,
  index: TaskIndex,
): { key: string; title: string } {
  switch (swimlanes) {
    case 'none':
      return { key: 'all', title: 'All cards' };
    case 'assignee': {
      const name = index.assignees.get(task.id)?.[0];
      return name ? { key: `a:${name}`, title: name } : { key: 'a:', title: 'Unassigned' };
    }
    case 'epic': {
      const epic = index.epic.get(task.id);
      return epic ? { key: `e:${epic.id}`, title: epic.name } : { key: 'e:', title: 'No epic' };
    }
    case 'priority':
      return { key: `p:${task.priority}`, title: priorityTitles[task.priority] ?? task.priority };
  }
}

/**
 * Splits cards into lanes and columns. A card whose status is no column of the workflow shows in the first column,
 * so nothing disappears from the board; lanes are ordered by name (priority from highest), the catch-all lane last.
 */
export function boardLanes(
  cards: readonly AgileTask[],
  columns: readonly WorkflowColumn[],
  swimlanes: Swimlanes,
  index: TaskIndex,
): Lane[] {
  const keys = new Set(columns.map((column) => column.key));
  const first = columns[0]?.key ?? 'todo';
  const lanes = new Map<string, Lane>();
  for (const card of cards) {
    const { key, title } = laneOf(card, swimlanes, index);
    let lane = lanes.get(key);
    if (!lane) {
      lane = { key, title, cells: new Map(columns.map((column) => [column.key, []])), count: 0 };
      lanes.set(key, lane);
    }
    lane.cells.get(keys.has(card.status) ? card.status : first)?.push(card);
    lane.count++;
  }
  for (const lane of lanes.values()) for (const cell of lane.cells.values()) cell.sort(byRank);
  const order = (lane: Lane) => {
    if (swimlanes === 'priority') return String(priorities.indexOf(lane.key.slice(2) as never));
    if (swimlanes === 'epic')
      return lane.key === 'e:' ? '\uffff' : (index.outline.get(lane.key.slice(2)) ?? '');
    return lane.key.endsWith(':') ? '\uffff' : lane.title.toLowerCase();
  };
  const sorted = [...lanes.values()].sort((a, b) =>
    order(a).localeCompare(order(b), undefined, { numeric: true }),
  );
  if (sorted.length === 0) {
    return [{ key: 'all', title: 'All cards', cells: new Map(columns.map((c) => [c.key, []])), count: 0 }];
  }
  return sorted;
}
