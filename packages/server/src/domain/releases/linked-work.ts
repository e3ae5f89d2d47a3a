import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { tasks } from '../../db/schema/tasks';
import { computeSchedule } from '../schedule/schedule-service';
import type { LinkedTaskView } from './release-view';

/**
 * The project tasks that deliver the given features, each with its forecast finish from its project's schedule at the
 * current plan revision (the per-revision cache, so nothing is copied): what a release's or an initiative's forecast
 * is read from. A project whose plan has a dependency cycle has no dates, so its tasks are left out.
 */
export async function linkedWork(db: Database, featureIds: readonly string[]): Promise<LinkedTaskView[]> {
  if (featureIds.length === 0) return [];
  const rows = await db
    .select({
      taskId: tasks.id,
      projectId: tasks.projectId,
      projectName: projects.name,
      featureId: tasks.featureId,
      name: tasks.name,
    })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .where(and(inArray(tasks.featureId, [...featureIds]), eq(projects.isTemplate, false)));
  const byProject = new Map<string, typeof rows>();
  for (const row of rows) byProject.set(row.projectId, [...(byProject.get(row.projectId) ?? []), row]);
  const linked: LinkedTaskView[] = [];
  for (const [projectId, projectRows] of byProject) {
    const schedule = await computeSchedule(db, projectId);
    const scheduled = new Map(schedule.tasks.map((task) => [task.id, task]));
    for (const row of projectRows) {
      const task = scheduled.get(row.taskId);
      if (!task || row.featureId === null) continue;
      linked.push({
        taskId: row.taskId,
        projectId,
        projectName: row.projectName,
        featureId: row.featureId,
        name: row.name,
        finish: task.finish,
        percentComplete: task.percentComplete,
      });
    }
  }
  return linked.sort((a, b) => a.finish.localeCompare(b.finish) || a.taskId.localeCompare(b.taskId));
}
