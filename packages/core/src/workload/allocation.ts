import { instantAt } from '../calendar/day-number';
import { dayNumber } from '../calendar/model';
import type { WorkingTime } from '../calendar/working-time';
import { type AssignmentShape, spreadAssignment } from './contour-spread';
import type { Period } from './periods';
import type { Span } from './spread';

/** A resource as the workload sees it: how much of it there is, and when it works. */
export interface WorkloadResource {
  readonly id: string;
  /** 1 = one full-time unit. */
  readonly maxUnits: number;
  /** The resource's working time: capacity is max units times its working minutes. */
  readonly time: WorkingTime;
}

/** Work one resource is scheduled to do on one task (its span is the task's scheduled start and finish). */
export interface WorkloadAssignment extends Span {
  readonly resourceId: string;
  /** All the assignment's work, overtime included. */
  readonly workMinutes: number;
  /** Its units, contour, overtime and delay; without them the work is spread evenly over the task. */
  readonly shape?: AssignmentShape | undefined;
  /** The calendar the task's work runs on (the resource's own, or the task's project's). */
  readonly time: WorkingTime;
}

/** One cell of the grid: assigned against available minutes. */
export interface WorkloadCell {
  /** All the work placed in the period, overtime included. */
  readonly assignedMinutes: number;
  /** The part of it done as overtime, beyond the working day. */
  readonly overtimeMinutes: number;
  readonly capacityMinutes: number;
  /**
   * True when some day of the period asks more regular work of the resource than it has (see
   * {@link isOverAllocated}); overtime is worked beyond the working day, so planning it is how a peak is relieved.
   */
  readonly overAllocated: boolean;
}

/** One row of the grid: a resource's cells, one per period. */
export interface WorkloadRow {
  readonly resourceId: string;
  readonly cells: readonly WorkloadCell[];
  /** True when any cell is over-allocated. */
  readonly overAllocated: boolean;
}

/** Minutes a resource can give in a span: its max units times the working minutes of its calendar. */
export function capacityMinutes(resource: WorkloadResource, span: Span): number {
  return resource.maxUnits * resource.time.workBetween(span.start, span.finish);
}

/**
 * The over-allocation rule: a day is over-allocated when the work assigned on it exceeds the capacity by more than half
 * a minute (work spread in fractions must not flag a day that is exactly full), so work on a day off always is.
 */
export function isOverAllocated(assigned: number, capacity: number): boolean {
  return assigned - capacity > 0.5;
}

function daysOf(period: Period): Span[] {
  const days: Span[] = [];
  for (let day = period.firstDay; day <= period.lastDay; day = dayNumber(day + 1)) {
    days.push({ start: instantAt(day), finish: instantAt(dayNumber(day + 1)) });
  }
  return days;
}

/**
 * The workload grid: for every resource and period, the assigned minutes (each assignment's work placed by its
 * contour over its span, see {@link spreadAssignment}) against the capacity. Over-allocation is judged day by day, as MS Project levels by default, so
 * a week with one overloaded day is flagged even when the week's total fits.
 * @example workloadGrid(workloadPeriods(from, to, 'week'), resources, assignments)
 */
export function workloadGrid(
  periods: readonly Period[],
  resources: readonly WorkloadResource[],
  assignments: readonly WorkloadAssignment[],
): WorkloadRow[] {
  const days = periods.map(daysOf);
  const flatDays = days.flat();
  const byResource = new Map<string, WorkloadAssignment[]>();
  for (const assignment of assignments) {
    const list = byResource.get(assignment.resourceId) ?? [];
    list.push(assignment);
    byResource.set(assignment.resourceId, list);
  }
  return resources.map((resource) => {
    const assignedByDay = new Array<number>(flatDays.length).fill(0);
    const overtimeByDay = new Array<number>(flatDays.length).fill(0);
    for (const assignment of byResource.get(resource.id) ?? []) {
      const shape = assignment.shape ?? { units: 1, fillsTask: true };
      const spread = spreadAssignment(assignment.time, assignment, assignment.workMinutes, shape, flatDays);
      for (let index = 0; index < flatDays.length; index++) {
        assignedByDay[index] = (assignedByDay[index] ?? 0) + (spread.work[index] ?? 0);
        overtimeByDay[index] = (overtimeByDay[index] ?? 0) + (spread.overtime[index] ?? 0);
      }
    }
    let dayIndex = 0;
    const cells = days.map((periodDays) => {
      let assigned = 0;
      let overtime = 0;
      let capacity = 0;
      let over = false;
      for (const day of periodDays) {
        const onDay = assignedByDay[dayIndex] ?? 0;
        const overtimeOnDay = overtimeByDay[dayIndex] ?? 0;
        dayIndex++;
        const dayCapacity = capacityMinutes(resource, day);
        assigned += onDay;
        overtime += overtimeOnDay;
        capacity += dayCapacity;
        over ||= isOverAllocated(onDay - overtimeOnDay, dayCapacity);
      }
      return {
        assignedMinutes: assigned,
        overtimeMinutes: overtime,
        capacityMinutes: capacity,
        overAllocated: over,
      };
    });
    return { resourceId: resource.id, cells, overAllocated: cells.some((cell) => cell.overAllocated) };
  });
}
