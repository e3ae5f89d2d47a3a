import type { WorkContour } from '@tandem/core';

/**
 * The work contours an assignment may take, in the order of MSPDI's `WorkContour` codes 0–7, so a contour's index is
 * its code in an MS Project file (8, work edited by hand, lives only in timephased data and reads as flat).
 */
export const workContours = [
  'flat',
  'backLoaded',
  'frontLoaded',
  'doublePeak',
  'earlyPeak',
  'latePeak',
  'bell',
  'turtle',
] as const satisfies readonly WorkContour[];

/** The contour of an MSPDI `WorkContour` code: flat for a missing, unknown or hand-edited (8) one. */
export function contourOfCode(code: number | undefined): WorkContour {
  return (code === undefined ? undefined : workContours[code]) ?? 'flat';
}

/** The MSPDI `WorkContour` code of a contour. */
export function codeOfContour(contour: WorkContour): number {
  return workContours.indexOf(contour);
}
