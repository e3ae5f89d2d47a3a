import type { Database, Queryable } from '../../db/client';
import { computeSchedule } from '../schedule/schedule-service';

/** What the roadmap shows of the project delivering an initiative: its forecast finish date and progress. */
export interface ProjectForecast {
  finish: string | null;
  /** Duration-weighted percent complete of its work, 0–1. */
  progress: number;
}

/**
 * The forecast of each project from its current schedule (the plan cache's, so an unchanged plan is not recomputed):
 * the finish date and how far its work is done. A project whose plan cannot be scheduled (a dependency cycle) has no
 * finish rather than failing the whole roadmap.
 */
export async function projectForecasts(
  db: Queryable,
  projectIds: readonly string[],
): Promise<Map<string, ProjectForecast>> {
  const result = new Map<string, ProjectForecast>();
  for (const projectId of new Set(projectIds)) {
    // The schedule service reads through the pool; every caller of the roadmap passes the database, not a transaction.
    const schedule = await computeSchedule(db as Database, projectId);
    let done = 0;
    let total = 0;
    for (const task of schedule.tasks) {
      if (task.summary) continue;
      const weight = Math.max(task.durationMinutes, 1);
      total += weight;
      done += (weight * task.percentComplete) / 100;
    }
    result.set(projectId, {
      finish: schedule.cycle || schedule.tasks.length === 0 ? null : schedule.finish.slice(0, 10),
      progress: total === 0 ? 0 : done / total,
    });
  }
  return result;
}
