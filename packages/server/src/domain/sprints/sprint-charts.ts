import { type BurnSeries, burnSeries, type Velocity, velocity } from '@tandem/core';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { sprints } from '../../db/schema/sprints';
import { tasks } from '../../db/schema/tasks';
import { loadProject, projectRef } from '../workflow/agile-project';
import { sprintForCaller } from './sprint-service';
import { type SprintView, sprintViewOf } from './sprint-view';

/** A sprint with its burndown and burnup series. */
export interface SprintBurndown {
  sprint: SprintView;
  series: BurnSeries;
}

// Days are read in UTC: the server has no zone of the team's, and one rule for every reader keeps charts identical.
const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The remaining and completed points per day of a sprint, with the ideal line from its committed points. The tasks are
 * those it holds now and those it committed to at its start (carried-over ones stay open in its chart); a completed
 * sprint's chart stops on the day it was completed.
 */
export async function sprintBurndown(
  db: Database,
  userId: string,
  sprintId: string,
  now: Date = new Date(),
): Promise<SprintBurndown> {
  const { sprint, project } = await sprintForCaller(db, userId, sprintId, 'see');
  const committedIds = sprint.committed?.taskIds ?? [];
  const rows = await db
    .select({
      id: tasks.id,
      points: tasks.storyPoints,
      completedAt: tasks.completedAt,
      sprintId: tasks.sprintId,
    })
    .from(tasks)
    .where(
      and(
        eq(tasks.projectId, sprint.projectId),
        committedIds.length === 0
          ? eq(tasks.sprintId, sprintId)
          : or(eq(tasks.sprintId, sprintId), inArray(tasks.id, committedIds)),
      ),
    );
  const series = burnSeries({
    startDate: sprint.startDate,
    finishDate: sprint.finishDate,
    committedPoints: sprint.committed?.points ?? null,
    tasks: rows.map((row) => ({
      points: row.points ?? 0,
      // A task finished while in another sprint after being carried over still burns this one only if it stayed here.
      completedOn: row.completedAt && row.sprintId === sprintId ? utcDay(row.completedAt) : null,
    })),
    today: utcDay(sprint.completedAt ?? now),
    workingDays: project.calendar.workingDays,
  });
  return { sprint: await sprintViewOf(db, sprint, project.workflow), series };
}

/** Points committed and completed per completed sprint of a project, the last `count` of them, oldest first. */
export async function projectVelocity(
  db: Database,
  userId: string,
  projectId: string,
  count: number,
): Promise<Velocity> {
  const project = await loadProject(db, projectId);
  await policy.assertCanSee(db, userId, projectRef(project));
  const rows = await db
    .select()
    .from(sprints)
    .where(and(eq(sprints.projectId, projectId), eq(sprints.state, 'completed')))
    .orderBy(asc(sprints.completedAt), asc(sprints.id));
  return velocity(
    rows.map((row) => ({
      id: row.id,
      name: row.name,
      committedPoints: row.committed?.points ?? 0,
      completedPoints: row.done?.points ?? 0,
    })),
    count,
  );
}
