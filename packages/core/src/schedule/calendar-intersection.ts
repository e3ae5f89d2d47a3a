import type { DayPattern, WorkingInterval } from '../calendar/model';

/**
 * The working intervals two day patterns share: when a task keeps its own calendar and its resource keeps theirs, MS
 * Project schedules the work only when both work.
 */
export function intersectDayPatterns(a: DayPattern, b: DayPattern): DayPattern {
  const out: WorkingInterval[] = [];
  let i = 0;
  let j = 0;
  // Both patterns are sorted and disjoint: walk them together, keeping each overlap.
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const from = Math.max(x.from, y.from);
    const to = Math.min(x.to, y.to);
    if (from < to) out.push({ from, to });
    if (x.to < y.to) i++;
    else j++;
  }
  return out;
}
