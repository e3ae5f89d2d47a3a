import type { Assignment, ResourceId, ScheduleTask } from './model';

/** A resource to put on a task at some units (1 = 100 %). */
export interface Staffing {
  readonly resourceId: ResourceId;
  readonly units: number;
}

/** The task's new assignments and the duration MS Project gives it after a change of staff. */
export interface StaffingChange {
  readonly assignments: Assignment[];
  /** Working minutes; unchanged unless the task type lets work drive it. */
  readonly durationMinutes: number;
}

/**
 * Re-staffs a task by MS Project's rules for its type: an effort-driven task keeps its total work, shared by units,
 * so more people finish sooner (fixed units, fixed work) or each works less (fixed duration); otherwise the duration
 * stays and each assignment's work is duration × units. A task with no work yet takes duration × units.
 *
 * @example
 * // 2 days of work for one person, effort-driven: a second full-time person halves the duration.
 * restaff(task, current, [{ resourceId: a, units: 1 }, { resourceId: b, units: 1 }]).durationMinutes === 480;
 */
export function restaff(
  task: ScheduleTask,
  current: readonly Assignment[],
  next: readonly Staffing[],
): StaffingChange {
  for (const s of next) {
    if (!(s.units > 0) || !Number.isFinite(s.units)) {
      throw new RangeError(
        `units for resource ${s.resourceId} on task ${task.id} must be positive, got ${s.units}`,
      );
    }
  }
  const duration = task.durationMinutes;
  const totalWork = current.reduce((sum, a) => sum + a.workMinutes, 0);
  const totalUnits = next.reduce((sum, s) => sum + s.units, 0);
  const make = (s: Staffing, workMinutes: number, units = s.units): Assignment => {
    const before = current.find((a) => a.resourceId === s.resourceId);
    const work = Math.round(workMinutes);
    // A resource kept on the task keeps the shape of its work: contour, delay, and overtime within its new work.
    return {
      taskId: task.id,
      resourceId: s.resourceId,
      units,
      workMinutes: work,
      ...(before?.actualWork === undefined ? {} : { actualWork: before.actualWork }),
      ...(before?.contour === undefined ? {} : { contour: before.contour }),
      ...(before?.delayMinutes === undefined ? {} : { delayMinutes: before.delayMinutes }),
      ...(before?.overtimeWork === undefined ? {} : { overtimeWork: Math.min(before.overtimeWork, work) }),
    };
  };
  if (next.length === 0) return { assignments: [], durationMinutes: duration };
  // Fixed work is always effort-driven in MS Project.
  const effortDriven = task.type === 'fixedWork' || task.effortDriven;
  if (!effortDriven || totalWork === 0) {
    return { assignments: next.map((s) => make(s, duration * s.units)), durationMinutes: duration };
  }
  if (task.type === 'fixedDuration') {
    // Same work over the same span: each resource's units shrink or grow to fit.
    const scale = duration > 0 ? totalWork / (duration * totalUnits) : 1;
    return {
      assignments: next.map((s) => make(s, (totalWork * s.units) / totalUnits, s.units * scale)),
      durationMinutes: duration,
    };
  }
  return {
    assignments: next.map((s) => make(s, (totalWork * s.units) / totalUnits)),
    durationMinutes: Math.round(totalWork / totalUnits),
  };
}
