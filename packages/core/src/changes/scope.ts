/** A work package (leaf task) as a baseline or the current plan holds it. */
export interface ScopePackage {
  taskId: string;
  name: string;
  durationMinutes: number;
  workMinutes: number;
}

/** One work package that differs between the baseline and now. */
export interface ScopeDifference {
  taskId: string;
  name: string;
  kind: 'added' | 'removed' | 'changed';
  baseline: { durationMinutes: number; workMinutes: number } | null;
  current: { durationMinutes: number; workMinutes: number } | null;
}

/** The scope baseline against the current scope: every work package added, removed or re-sized, and the totals. */
export interface ScopeComparison {
  differences: ScopeDifference[];
  unchanged: number;
  totals: {
    baseline: { packages: number; durationMinutes: number; workMinutes: number };
    current: { packages: number; durationMinutes: number; workMinutes: number };
  };
}

function sum(packages: readonly ScopePackage[]) {
  let durationMinutes = 0;
  let workMinutes = 0;
  for (const item of packages) {
    durationMinutes += item.durationMinutes;
    workMinutes += item.workMinutes;
  }
  return { packages: packages.length, durationMinutes, workMinutes };
}

/**
 * Compares the work packages of a baseline with those of the plan now, in the current plan's order with the removed
 * ones after: a package is changed when its duration or its work differs.
 * @example compareScope(baselineLeaves, currentLeaves).differences
 */
export function compareScope(
  baseline: readonly ScopePackage[],
  current: readonly ScopePackage[],
): ScopeComparison {
  const old = new Map(baseline.map((item) => [item.taskId, item]));
  const now = new Set(current.map((item) => item.taskId));
  const differences: ScopeDifference[] = [];
  let unchanged = 0;
  const amounts = (item: ScopePackage) => ({
    durationMinutes: item.durationMinutes,
    workMinutes: item.workMinutes,
  });
  for (const item of current) {
    const was = old.get(item.taskId);
    if (!was) {
      differences.push({
        taskId: item.taskId,
        name: item.name,
        kind: 'added',
        baseline: null,
        current: amounts(item),
      });
    } else if (was.durationMinutes !== item.durationMinutes || was.workMinutes !== item.workMinutes) {
      differences.push({
        taskId: item.taskId,
        name: item.name,
        kind: 'changed',
        baseline: amounts(was),
        current: amounts(item),
      });
    } else {
      unchanged++;
    }
  }
  for (const item of baseline) {
    if (now.has(item.taskId)) continue;
    differences.push({
      taskId: item.taskId,
      name: item.name,
      kind: 'removed',
      baseline: amounts(item),
      current: null,
    });
  }
  return { differences, unchanged, totals: { baseline: sum(baseline), current: sum(current) } };
}
