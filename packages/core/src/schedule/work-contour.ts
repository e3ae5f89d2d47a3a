import type { Assignment, WorkContour } from './model';

/**
 * The units of each tenth of a contoured assignment's span, in percent of its assigned units: MS Project's predefined
 * contours. Work is spread at these rates, so a contour whose slices average less than 100 % stretches the span.
 */
const SLICES: Readonly<Record<WorkContour, readonly number[]>> = {
  flat: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100],
  backLoaded: [10, 15, 25, 50, 50, 75, 75, 100, 100, 100],
  frontLoaded: [100, 100, 100, 75, 75, 50, 50, 25, 15, 10],
  doublePeak: [25, 50, 100, 50, 25, 25, 50, 100, 50, 25],
  earlyPeak: [25, 50, 100, 100, 75, 50, 50, 25, 15, 10],
  latePeak: [10, 15, 25, 50, 50, 75, 100, 100, 50, 25],
  bell: [10, 20, 40, 80, 100, 100, 80, 40, 20, 10],
  turtle: [25, 50, 75, 100, 100, 100, 100, 75, 50, 25],
};

/** The share of a flat assignment's rate that a contour works on average (0.6 front-loaded, 0.7 turtle, 1 flat). */
export function contourShare(contour: WorkContour): number {
  let sum = 0;
  for (const units of SLICES[contour]) sum += units;
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
