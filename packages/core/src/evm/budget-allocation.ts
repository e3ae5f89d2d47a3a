/**
 * Budget lines are set on the whole project or on a WBS branch; earned value needs a budget per leaf task (the work
 * that is scheduled and progressed). These functions spread the lines over the leaves and total them.
 */

/** What a budget line or an expense pays for. */
export type CostCategory = 'labour' | 'materials' | 'other';

/** A budget amount on the whole project (`taskId` null) or on one task of the WBS (a summary or a leaf). */
export interface BudgetLineAmount {
  readonly taskId: string | null;
  readonly category: CostCategory;
  readonly amount: number;
}

/** One task of the WBS as the allocation sees it; `parentId` makes the tree. */
export interface AllocationTask {
  readonly id: string;
  readonly parentId: string | null;
  /** Planned cost of the task from its assignments and fixed cost: the weight a branch's budget is spread by. */
  readonly plannedCost: number;
  /** Working minutes of its span: the weight when no leaf of the branch has a planned cost. */
  readonly durationMinutes: number;
}

/**
 * Each leaf's share of the budget lines: a line is spread over the leaves under its task (the task itself when it is
 * a leaf; every leaf for a project line) in proportion to their planned cost, else to their duration, else equally.
 * A line whose branch has no leaves (a task deleted since) is kept in `unallocated`, so the BAC stays the sum of lines.
 */
export function allocateBudget(
  tasks: readonly AllocationTask[],
  lines: readonly BudgetLineAmount[],
): { perLeaf: Map<string, number>; unallocated: number } {
  const children = new Map<string | null, string[]>();
  const byId = new Map(tasks.map((task) => [task.id, task]));
  for (const task of tasks) {
    const parent = task.parentId !== null && byId.has(task.parentId) ? task.parentId : null;
    const list = children.get(parent);
    if (list) list.push(task.id);
    else children.set(parent, [task.id]);
  }
  const leavesCache = new Map<string | null, string[]>();
  const leavesUnder = (root: string | null): string[] => {
    const cached = leavesCache.get(root);
    if (cached) return cached;
    const out: string[] = [];
    const stack = root === null ? [...(children.get(null) ?? [])] : [root];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      const kids = children.get(id);
      if (kids && kids.length > 0) stack.push(...kids);
      else out.push(id);
    }
    leavesCache.set(root, out);
    return out;
  };
  const perLeaf = new Map<string, number>();
  let unallocated = 0;
  for (const line of lines) {
    const leaves = line.taskId !== null && !byId.has(line.taskId) ? [] : leavesUnder(line.taskId);
    if (leaves.length === 0) {
      unallocated += line.amount;
      continue;
    }
    const weightOf = pickWeight(leaves.map((id) => byId.get(id) as AllocationTask));
    const total = leaves.reduce((sum, id) => sum + weightOf(byId.get(id) as AllocationTask), 0);
    for (const id of leaves) {
      const share = (line.amount * weightOf(byId.get(id) as AllocationTask)) / total;
      perLeaf.set(id, (perLeaf.get(id) ?? 0) + share);
    }
  }
  return { perLeaf, unallocated };
}

function pickWeight(leaves: readonly AllocationTask[]): (task: AllocationTask) => number {
  if (leaves.some((task) => task.plannedCost > 0)) return (task) => Math.max(0, task.plannedCost);
  if (leaves.some((task) => task.durationMinutes > 0)) return (task) => Math.max(0, task.durationMinutes);
  return () => 1;
}

/** Budget totals: all of it (the BAC), per category, and per branch (its own lines and those under it). */
export interface BudgetTotals {
  readonly total: number;
  readonly byCategory: Record<CostCategory, number>;
  /** Per task that has lines or holds a task with lines: `own` on the task itself, `rolledUp` including descendants. */
  readonly byBranch: ReadonlyMap<string, { own: number; rolledUp: number }>;
  /** Lines on the whole project. */
  readonly project: number;
}

/** Totals the lines per category and per WBS branch, rolling each line up through the task's ancestors. */
export function budgetTotals(
  tasks: readonly Pick<AllocationTask, 'id' | 'parentId'>[],
  lines: readonly BudgetLineAmount[],
): BudgetTotals {
  const parentOf = new Map(tasks.map((task) => [task.id, task.parentId]));
  const byCategory: Record<CostCategory, number> = { labour: 0, materials: 0, other: 0 };
  const byBranch = new Map<string, { own: number; rolledUp: number }>();
  let total = 0;
  let project = 0;
  for (const line of lines) {
    total += line.amount;
    byCategory[line.category] += line.amount;
    if (line.taskId === null) {
      project += line.amount;
      continue;
    }
    let id: string | null | undefined = line.taskId;
    let own = true;
    // A guard against a tree that loops, which the database forbids but a caller could pass.
    for (let depth = 0; id !== null && id !== undefined && depth < 10_000; depth++) {
      const entry = byBranch.get(id) ?? { own: 0, rolledUp: 0 };
      if (own) entry.own += line.amount;
      entry.rolledUp += line.amount;
      byBranch.set(id, entry);
      own = false;
      id = parentOf.get(id);
    }
  }
  return { total, byCategory, byBranch, project };
}
