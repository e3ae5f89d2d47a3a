import type { ScheduleSuccess } from '@tandem/core/schedule/model';
import type { MspdiProject, MspdiTask } from './model';

/**
 * Returns a copy of the project with the engine's results in MS Project's computed fields: dates, slack (in tenths of a
 * minute, as MSPDI stores it), criticality, summary durations and the project's start and finish.
 */
export function applySchedule(project: MspdiProject, result: ScheduleSuccess): MspdiProject {
  const byId = new Map(result.tasks.map((task) => [task.id as string, task]));
  const tasks = project.tasks.map((task): MspdiTask => {
    if (task.UID === 0) {
      return { ...task, Start: result.start, Finish: result.finish };
    }
    const scheduled = task.UID === undefined ? undefined : byId.get(String(task.UID));
    if (!scheduled) return task;
    return {
      ...task,
      Start: scheduled.start,
      Finish: scheduled.finish,
      Duration: scheduled.durationMinutes,
      Summary: scheduled.summary,
      Critical: scheduled.critical,
      EarlyStart: scheduled.earlyStart,
      EarlyFinish: scheduled.earlyFinish,
      LateStart: scheduled.lateStart,
      LateFinish: scheduled.lateFinish,
      // Whole tenths of a minute, as the schema's integers: a contoured task's slack may hold a fraction of a tenth.
      FreeSlack: Math.round(scheduled.freeSlack * 10),
      TotalSlack: Math.round(scheduled.totalSlack * 10),
      StartSlack: Math.round(scheduled.startSlack * 10),
      FinishSlack: Math.round(scheduled.finishSlack * 10),
    };
  });
  return {
    ...project,
    properties: { ...project.properties, StartDate: result.start, FinishDate: result.finish },
    tasks,
  };
}
