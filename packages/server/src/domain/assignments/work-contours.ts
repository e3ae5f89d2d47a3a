import type { WorkContour } from '@tandem/core';
import { mspdiWorkContours } from '@tandem/interop';

/** The work contours an assignment may take, in the order of their MSPDI `WorkContour` codes. */
export const workContours = mspdiWorkContours;

/** The contour of an MSPDI `WorkContour` code: flat for a missing, unknown or hand-edited (8) one. */
export function contourOfCode(code: number | undefined): WorkContour {
  return (code === undefined ? undefined : workContours[code]) ?? 'flat';
}

/** The MSPDI `WorkContour` code of a contour. */
export function codeOfContour(contour: WorkContour): number {
  return workContours.indexOf(contour);
}
