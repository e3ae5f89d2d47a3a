import { contourSlices } from './contour-slices';
import type { Assignment, WorkContour } from './model';

/** The share of a flat assignment's rate that a contour works on average (0.6 front-loaded, 0.7 turtle, 1 flat). */
export function contourShare(contour: WorkContour): number {
  let sum = 0;
  for (const units of contourSlices[contour]) sum += units;
  return sum / 1000;
}

/**
 * The working minutes from a task's start to the end of an assignment: its delay, then its regular work (work less
 * overtime, which takes no working time) over its units, stretched by its contour. A flat span is rounded to the
 * minute; a contoured one keeps its fraction, as MS Project does (a turtle's 40 h last 57 h 8.6 min).
 */
export function assignmentSpan(a: Assignment): number {
  const regular = Math.max(0, a.workMinutes - (a.overtimeWork ?? 0));
  const delay = a.delayMinutes ?? 0;
  const contour = a.contour ?? 'flat';
  if (contour === 'flat') return delay + Math.round(regular / a.units);
  return delay + regular / a.units / contourShare(contour);
}
