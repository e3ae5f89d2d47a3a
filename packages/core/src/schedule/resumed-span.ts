import type { Instant } from '../calendar/model';
import type { Assignment } from './model';

/**
 * The working minutes from a begun task's actual start to the end of a flat assignment that records where it resumes:
 * to its resume point, then its regular work left (remaining work less remaining overtime) over its units, rounded to
 * the minute. Undefined when the assignment has not begun or lacks these values. MS Project resumes where the actual
 * work stopped, which with progress in fractions of a second need not be start + work done (08:55 for 54 min done
 * from 08:00), so a finish read from work alone can be a minute off.
 */
export function resumedSpan(
  a: Assignment,
  calendar: { toCoord(instant: Instant): number },
  actualStart: Instant,
): number | undefined {
  if (a.resumeAt === undefined || a.remainingWork === undefined || (a.contour ?? 'flat') !== 'flat') {
    return undefined;
  }
  if (!((a.actualWork ?? 0) > 0)) return undefined;
  const done = calendar.toCoord(a.resumeAt) - calendar.toCoord(actualStart);
  if (!(done >= 0)) return undefined;
  const regular = Math.max(0, a.workMinutes - (a.overtimeWork ?? 0));
  const left = Math.min(regular, Math.max(0, a.remainingWork - (a.remainingOvertimeWork ?? 0)));
  return Math.round(done + left / a.units);
}
