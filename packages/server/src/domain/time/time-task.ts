import { compileCalendar, dayPatternOf, formatInstant, instantAt, parseDay } from '@tandem/core';
import { and, eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Queryable, Transaction } from '../../db/client';
import { assignments } from '../../db/schema/assignments';
import { projects } from '../../db/schema/projects';
import { resources } from '../../db/schema/resources';
import { tasks } from '../../db/schema/tasks';
import { ApiError } from '../../http/errors';
import { projectCalendars, type StoredCalendarSettings } from '../schedule/project-calendars';
import { recordChange } from '../shared/change-log';
import { notFound } from '../shared/errors';
import { toTaskView } from '../tasks/task-view';

/** The task time is logged on, with what the entry needs of its project. */
export interface LoggableTask {
  id: string;
  name: string;
  projectId: string;
  projectName: string;
  workspaceId: string;
}

async function isAssigned(db: Queryable, userId: string, taskId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: assignments.id })
    .from(assignments)
    .innerJoin(resources, eq(resources.id, assignments.resourceId))
    .where(and(eq(assignments.taskId, taskId), eq(resources.userId, userId)))
    .limit(1);
  return row !== undefined;
}

/**
 * The task if the user may log time on it: 404 when they cannot see its project; 403 unless they may edit the
 * project's content or are assigned to the task (through the resource that stands for them).
 */
export async function loggableTask(db: Queryable, userId: string, taskId: string): Promise<LoggableTask> {
  const [task] = await db
    .select({
      id: tasks.id,
      name: tasks.name,
      projectId: tasks.projectId,
      projectName: projects.name,
      workspaceId: tasks.workspaceId,
    })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .where(eq(tasks.id, taskId));
  if (!task) throw notFound('Task', taskId);
  const ref = { kind: 'project' as const, id: task.projectId, workspaceId: task.workspaceId };
  if (!(await policy.canSee(db, userId, ref))) throw notFound('Task', taskId);
  if (!(await policy.canEdit(db, userId, ref)) && !(await isAssigned(db, userId, taskId))) {
    throw new ApiError(
      403,
      'FORBIDDEN',
      `You may see task ${taskId} but not log time on it: you are neither assigned to it nor a contributor`,
    );
  }
  return task;
}

/** The first working minute of `day` on the project's calendar (its default first hour on a day off). */
function firstWorkingMinute(settings: StoredCalendarSettings, day: string): string {
  const { calendars, calendarId } = projectCalendars(settings);
  const time = compileCalendar(calendars, calendarId);
  const dayNumber = parseDay(day);
  const first = time.dayPattern(dayNumber)[0]?.from ?? dayPatternOf(settings.workingHours)[0]?.from ?? 480;
  return formatInstant(instantAt(dayNumber, first)).slice(0, 16);
}

/**
 * Logging time on a task that has not started starts it: its actual start becomes the logged day at the calendar's
 * first working minute (or the earlier day, when time is logged before an actual start already set). Runs inside the
 * entry's transaction, after `touchPlan` took the plan's lock.
 */
export async function markActualStart(
  tx: Transaction,
  userId: string,
  taskId: string,
  day: string,
): Promise<void> {
  const [task] = await tx.select().from(tasks).where(eq(tasks.id, taskId)).for('update');
  if (!task) throw notFound('Task', taskId);
  if (task.actualStart !== null && task.actualStart.slice(0, 10) <= day) return;
  const [project] = await tx
    .select({ calendar: projects.calendar })
    .from(projects)
    .where(eq(projects.id, task.projectId));
  if (!project) throw notFound('Project', task.projectId);
  const actualStart = firstWorkingMinute(project.calendar as StoredCalendarSettings, day);
  const [updated] = await tx
    .update(tasks)
    .set({ actualStart, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
    .where(eq(tasks.id, taskId))
    .returning();
  if (!updated) throw new Error(`task ${taskId} vanished while locked`);
  const subject = {
    entityType: 'task' as const,
    entityId: taskId,
    workspaceId: task.workspaceId,
    projectId: task.projectId,
  };
  await recordChange(tx, userId, subject, 'update', toTaskView(task), toTaskView(updated));
}
