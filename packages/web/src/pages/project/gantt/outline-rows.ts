import type { PlanTask, ScheduledTask } from '../../../api/plan';

/** One line of the grid and the timeline: a task with its schedule and its place in the outline. */
export interface GanttRow {
  task: PlanTask;
  scheduled: ScheduledTask | undefined;
  /** 1 for top-level tasks. */
  level: number;
  hasChildren: boolean;
  collapsed: boolean;
}

/**
 * The rows to show, in outline order (tasks arrive depth-first, siblings by position), leaving out everything under a
 * collapsed task. Levels come from the parent chain, so they hold even before the schedule has answered.
 */
export function visibleRows(
  tasks: readonly PlanTask[],
  scheduled: ReadonlyMap<string, ScheduledTask>,
  collapsed: ReadonlySet<string>,
): GanttRow[] {
  const levelOf = new Map<string, number>();
  const parents = new Set<string>();
  for (const task of tasks) if (task.parentId) parents.add(task.parentId);
  const rows: GanttRow[] = [];
  let hiddenBelow = Number.POSITIVE_INFINITY;
  for (const task of tasks) {
    const level = (task.parentId ? (levelOf.get(task.parentId) ?? 0) : 0) + 1;
    levelOf.set(task.id, level);
    if (level > hiddenBelow) continue;
    hiddenBelow = Number.POSITIVE_INFINITY;
    const isCollapsed = collapsed.has(task.id) && parents.has(task.id);
    if (isCollapsed) hiddenBelow = level;
    rows.push({
      task,
      scheduled: scheduled.get(task.id),
      level,
      hasChildren: parents.has(task.id),
      collapsed: isCollapsed,
    });
  }
  return rows;
}

/** Where a task goes in the tree: its parent and a position among that parent's children. */
export interface TreePlace {
  parentId: string | null;
  position: number;
}

function childrenOf(tasks: readonly PlanTask[], parentId: string | null): PlanTask[] {
  return tasks.filter((t) => t.parentId === parentId).sort((a, b) => a.position - b.position);
}

/** The place right after `taskId` among its siblings (between it and the next one, or one past the last). */
export function placeAfter(tasks: readonly PlanTask[], taskId: string | undefined): TreePlace {
  const task = tasks.find((t) => t.id === taskId);
  if (!task) {
    const top = childrenOf(tasks, null);
    return { parentId: null, position: (top.at(-1)?.position ?? 0) + 1 };
  }
  const siblings = childrenOf(tasks, task.parentId);
  const next = siblings[siblings.findIndex((t) => t.id === task.id) + 1];
  return {
    parentId: task.parentId,
    position: next ? (task.position + next.position) / 2 : task.position + 1,
  };
}

/**
 * Indenting makes a task the last child of the sibling above it, as MS Project does; undefined when there is no
 * sibling above (the first child cannot go deeper).
 */
export function indentPlace(tasks: readonly PlanTask[], taskId: string): TreePlace | undefined {
  const task = tasks.find((t) => t.id === taskId);
  if (!task) return undefined;
  const siblings = childrenOf(tasks, task.parentId);
  const above = siblings[siblings.findIndex((t) => t.id === task.id) - 1];
  if (!above) return undefined;
  const last = childrenOf(tasks, above.id).at(-1);
  return { parentId: above.id, position: (last?.position ?? 0) + 1 };
}

/** Outdenting moves a task out of its parent to right after it; undefined for a top-level task. */
export function outdentPlace(tasks: readonly PlanTask[], taskId: string): TreePlace | undefined {
  const task = tasks.find((t) => t.id === taskId);
  if (!task?.parentId) return undefined;
  return placeAfter(tasks, task.parentId);
}

/** The predecessors of each task as MS Project writes them: the rows' numbers, with type and lag when not plain FS. */
export function predecessorText(
  links: readonly { predecessorId: string; type: string; lagMinutes: number }[],
  rowNumber: ReadonlyMap<string, number>,
  minutesPerDay: number,
): string {
  return links
    .map((link) => {
      const number = rowNumber.get(link.predecessorId);
      if (number === undefined) return '';
      const lag = link.lagMinutes
        ? `${link.lagMinutes > 0 ? '+' : ''}${Math.round((link.lagMinutes / minutesPerDay) * 100) / 100}d`
        : '';
      return link.type === 'FS' && !lag ? String(number) : `${number}${link.type}${lag}`;
    })
    .filter(Boolean)
    .join(', ');
}

/**
 * The resource names of each task as MS Project's Resource Names column writes them: "Ada, Grace [50%]", the units
 * shown only when not full time; names the task carries itself are used when it has no assignments listed.
 */
export function resourceText(
  tasks: readonly { id: string; resourceNames?: string[] }[],
  assignments: readonly { taskId: string; resourceName: string; units: number }[],
): Map<string, string> {
  const names = new Map<string, string[]>();
  for (const a of assignments) {
    const label = a.units === 1 ? a.resourceName : `${a.resourceName} [${Math.round(a.units * 100)}%]`;
    names.set(a.taskId, [...(names.get(a.taskId) ?? []), label]);
  }
  const out = new Map<string, string>();
  for (const task of tasks) {
    const list = names.get(task.id) ?? task.resourceNames ?? [];
    if (list.length > 0) out.set(task.id, list.join(', '));
  }
  return out;
}
