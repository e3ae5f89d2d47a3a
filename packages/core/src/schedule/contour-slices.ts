import type { WorkContour } from './model';

/**
 * The units of each tenth of a contoured assignment's span, in percent of its assigned units: MS Project's predefined
 * contours. Work is spread at these rates, so a contour whose slices average less than 100 % stretches the span.
 */
export const contourSlices: Readonly<Record<WorkContour, readonly number[]>> = {
  flat: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100],
  backLoaded: [10, 15, 25, 50, 50, 75, 75, 100, 100, 100],
  frontLoaded: [100, 100, 100, 75, 75, 50, 50, 25, 15, 10],
  doublePeak: [25, 50, 100, 50, 25, 25, 50, 100, 50, 25],
  earlyPeak: [25, 50, 100, 100, 75, 50, 50, 25, 15, 10],
  latePeak: [10, 15, 25, 50, 50, 75, 100, 100, 50, 25],
  bell: [10, 20, 40, 80, 100, 100, 80, 40, 20, 10],
  turtle: [25, 50, 75, 100, 100, 100, 100, 75, 50, 25],
};
