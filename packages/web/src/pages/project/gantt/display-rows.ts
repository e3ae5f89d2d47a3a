import type { PlanLink } from '../../../api/plan';
import type { GanttRow, TreePlace } from './outline-rows';

/** A row of the grid: a task, or the unsaved new task being named. */
export type DisplayRow = { kind: 'task'; row: GanttRow } | { kind: 'draft'; level: number; place: TreePlace };

/** A task being added: where it will go, and the row it is drawn under. */
export interface Draft {
  place: TreePlace;
  /** The task it is added below, or undefined for the end of the plan. */
  afterTaskId: string | undefined;
}

/**
 * The rows the grid and the timeline draw, in one order: the tasks, with the draft (if any) right below the subtree
 * of the task it is added after, or at the end.
 */
export function displayRows(rows: readonly GanttRow[], draft: Draft | undefined): DisplayRow[] {
  const out: DisplayRow[] = rows.map((row) => ({ kind: 'task', row }));
  if (!draft) return out;
  const level = draft.place.parentId
    ? (rows.find((r) => r.task.id === draft.place.parentId)?.level ?? 0) + 1
    : 1;
  const entry: DisplayRow = { kind: 'draft', level, place: draft.place };
  const at = rows.findIndex((r) => r.task.id === draft.afterTaskId);
  if (at < 0) return [...out, entry];
  const base = rows[at]?.level ?? 1;
  let end = at + 1;
  while (end < rows.length && (rows[end]?.level ?? 0) > base) end++;
  out.splice(end, 0, entry);
  return out;
}

/** Each link with the display rows of its two tasks; links to hidden tasks are left out. */
export function linksByRow(
  links: readonly PlanLink[],
  rows: readonly DisplayRow[],
): { link: PlanLink; from: number; to: number }[] {
  const index = new Map<string, number>();
  rows.forEach((row, i) => {
    if (row.kind === 'task') index.set(row.row.task.id, i);
  });
  const out: { link: PlanLink; from: number; to: number }[] = [];
  for (const link of links) {
    const from = index.get(link.predecessorId);
    const to = index.get(link.successorId);
    if (from !== undefined && to !== undefined) out.push({ link, from, to });
  }
  return out;
}
