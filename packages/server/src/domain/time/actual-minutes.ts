import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { timeEntries } from '../../db/schema/time-entries';

/** Minutes logged on each task of a project, by the person who logged them: task id → user id → minutes. */
export type ActualMinutes = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * The minutes of time entries on each task of a project, summed per user, for the schedule builder: an assignment's
 * actual work is what its resource's user logged on its task. A running timer counts only the minutes already added.
 * @example const actual = await actualMinutesByTaskAndUser(db, projectId); actual.get(taskId)?.get(userId) ?? 0;
 */
export async function actualMinutesByTaskAndUser(db: Queryable, projectId: string): Promise<ActualMinutes> {
  const rows = await db
    .select({
      taskId: timeEntries.taskId,
      userId: timeEntries.userId,
      minutes: sql<number>`sum(${timeEntries.minutes})::int`,
    })
    .from(timeEntries)
    .where(eq(timeEntries.projectId, projectId))
    .groupBy(timeEntries.taskId, timeEntries.userId);
  const byTask = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (row.minutes <= 0) continue;
    let byUser = byTask.get(row.taskId);
    if (!byUser) {
      byUser = new Map();
      byTask.set(row.taskId, byUser);
    }
    byUser.set(row.userId, row.minutes);
  }
  return byTask;
}
