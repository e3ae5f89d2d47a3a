import { and, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { sprints } from '../../db/schema/sprints';
import { tasks } from '../../db/schema/tasks';
import { ApiError } from '../../http/errors';
import { assertVersion } from '../../http/version';
import { recordChange } from '../shared/change-log';
import { invalid } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { moveTasks } from '../workflow/agile-project';
import { sprintForCaller, writeSprint } from './sprint-service';
import { doneKeys, type SprintView, sprintSubject, sprintViewOf } from './sprint-view';

const round = (points: number) => Math.round(points * 100) / 100;

/**
 * Starts a planned sprint at the expected version, snapshotting the points and tasks it commits to. A project runs
 * one sprint at a time: the project row is locked first, so two starts at the same moment cannot both pass the check.
 */
export async function startSprint(
  db: Database,
  userId: string,
  sprintId: string,
  expectedVersion: number,
): Promise<SprintView> {
  return writeTransaction(db, async (tx) => {
    const { sprint, project } = await sprintForCaller(tx, userId, sprintId, 'edit', true);
    const before = await sprintViewOf(tx, sprint, project.workflow);
    assertVersion(`Sprint ${sprintId}`, before, expectedVersion);
    if (sprint.state !== 'planned') {
      throw new ApiError(
        409,
        'CONFLICT',
        `Sprint "${sprint.name}" is ${sprint.state}; only a planned sprint can start`,
      );
    }
    const [running] = await tx
      .select({ id: sprints.id, name: sprints.name })
      .from(sprints)
      .where(
        and(eq(sprints.projectId, sprint.projectId), eq(sprints.state, 'active'), ne(sprints.id, sprintId)),
      );
    if (running) {
      throw new ApiError(
        409,
        'CONFLICT',
        `Sprint "${running.name}" is already active in this project; complete it before starting another`,
        undefined,
        { activeSprintId: running.id },
      );
    }
    const held = await tx
      .select({ id: tasks.id, points: tasks.storyPoints })
      .from(tasks)
      .where(eq(tasks.sprintId, sprintId));
    const committed = {
      points: round(held.reduce((sum, task) => sum + (task.points ?? 0), 0)),
      taskIds: held.map((task) => task.id),
    };
    const updated = await writeSprint(tx, sprintId, {
      state: 'active',
      startedAt: sql`now()` as never,
      committed,
    });
    const after = await sprintViewOf(tx, updated, project.workflow);
    await recordChange(tx, userId, sprintSubject(updated), 'update', before, after);
    return after;
  });
}

/** Where the unfinished tasks of a completed sprint go: another sprint of the project, or the backlog. */
export type CarryOver = string | 'backlog';

/**
 * Completes the active sprint at the expected version: snapshots the points done, and moves every task that is not
 * in a done column to `carryOverTo` (a planned sprint of the same project, or the backlog).
 */
export async function completeSprint(
  db: Database,
  userId: string,
  sprintId: string,
  expectedVersion: number,
  carryOverTo: CarryOver,
): Promise<SprintView> {
  return writeTransaction(db, async (tx) => {
    const { sprint, project } = await sprintForCaller(tx, userId, sprintId, 'edit', true);
    const before = await sprintViewOf(tx, sprint, project.workflow);
    assertVersion(`Sprint ${sprintId}`, before, expectedVersion);
    if (sprint.state !== 'active') {
      throw new ApiError(
        409,
        'CONFLICT',
        `Sprint "${sprint.name}" is ${sprint.state}; only the active sprint can complete`,
      );
    }
    let target: string | null = null;
    if (carryOverTo !== 'backlog') {
      const [next] = await tx
        .select({ id: sprints.id, state: sprints.state })
        .from(sprints)
        .where(and(eq(sprints.id, carryOverTo), eq(sprints.projectId, sprint.projectId)))
        .for('key share');
      if (!next || next.id === sprintId) {
        throw invalid(
          'carryOverTo',
          `Sprint ${carryOverTo} is not another sprint of project ${sprint.projectId}`,
        );
      }
      if (next.state !== 'planned') {
        throw invalid(
          'carryOverTo',
          `Sprint ${carryOverTo} is ${next.state}; unfinished work goes to a planned sprint`,
        );
      }
      target = next.id;
    }
    const done = doneKeys(project.workflow);
    const held = await tx
      .select({ id: tasks.id, status: tasks.status, points: tasks.storyPoints, rank: tasks.rank })
      .from(tasks)
      .where(eq(tasks.sprintId, sprintId));
    const finished = held.filter((task) => done.includes(task.status));
    const unfinished = held.filter((task) => !done.includes(task.status)).map((task) => task.id);
    await moveTasks(tx, userId, sprint.workspaceId, unfinished, { sprintId: target });
    if (target !== null && unfinished.length > 0) {
      // Carried-over work goes after what the next sprint already holds, keeping its own order.
      const [last] = await tx
        .select({ rank: sql<number | null>`max(${tasks.rank})` })
        .from(tasks)
        .where(and(eq(tasks.sprintId, target), notInArray(tasks.id, unfinished)));
      const moved = held.filter((task) => unfinished.includes(task.id)).map((task) => task.rank);
      const shift = (last?.rank ?? 0) - Math.min(...moved) + 1;
      await tx
        .update(tasks)
        .set({ rank: sql`${tasks.rank} + ${shift}` })
        .where(inArray(tasks.id, unfinished));
    }
    const updated = await writeSprint(tx, sprintId, {
      state: 'completed',
      completedAt: sql`now()` as never,
      done: {
        points: round(finished.reduce((sum, task) => sum + (task.points ?? 0), 0)),
        taskIds: finished.map((task) => task.id),
      },
    });
    const after = await sprintViewOf(tx, updated, project.workflow);
    await recordChange(tx, userId, sprintSubject(updated), 'update', before, after);
    return after;
  });
}
