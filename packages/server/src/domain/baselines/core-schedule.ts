import {
  compileCalendar,
  money,
  parseInstant,
  type ScheduleSuccess,
  taskId,
  type WorkingTime,
  workMinutes,
} from '@tandem/core';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { ApiError } from '../../http/errors';
import { projectCalendars } from '../schedule/project-calendars';
import type { ScheduleView } from '../schedule/schedule-view';
import { notFound } from '../shared/errors';

const at = (text: string) => parseInstant(text);

/**
 * The engine's result behind a schedule as the API shows it, for the core functions that take one (baselines,
 * variances, the MSPDI writer). A plan with a dependency cycle has no dates to take: 422 naming the cycle.
 */
export function scheduleSuccessOf(view: ScheduleView): ScheduleSuccess {
  if (view.cycle !== null) {
    throw new ApiError(
      422,
      'dependency_cycle',
      `The plan has a dependency cycle (${view.cycle.names.join(' → ')}), so it has no schedule to use`,
    );
  }
  return {
    ok: true,
    start: at(view.start),
    finish: at(view.finish),
    criticalPaths: [view.criticalPath.map(taskId)],
    tasks: view.tasks.map((task) => ({
      id: taskId(task.id),
      start: at(task.start),
      finish: at(task.finish),
      earlyStart: at(task.earlyStart),
      earlyFinish: at(task.earlyFinish),
      lateStart: at(task.lateStart),
      lateFinish: at(task.lateFinish),
      totalSlack: workMinutes(task.totalSlack),
      freeSlack: workMinutes(task.freeSlack),
      // The API shows total slack only; it is the smaller of the two, which is what the writers need.
      startSlack: workMinutes(task.totalSlack),
      finishSlack: workMinutes(task.totalSlack),
      critical: task.critical,
      durationMinutes: task.durationMinutes,
      work: task.workMinutes,
      percentComplete: task.percentComplete,
      cost: money(task.costCents),
      summary: task.summary,
    })),
  };
}

/** The project calendar's working time, on which variances are measured as MS Project measures them. */
export async function projectWorkingTime(db: Queryable, projectId: string): Promise<WorkingTime> {
  const [row] = await db
    .select({ calendar: projects.calendar })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!row) throw notFound('Project', projectId);
  const { calendars, calendarId } = projectCalendars(row.calendar);
  return compileCalendar(calendars, calendarId);
}
