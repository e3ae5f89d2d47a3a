import { maxSprintDays } from '@tandem/core';
import { asc, eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Queryable, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { sprints } from '../../db/schema/sprints';
import { tasks } from '../../db/schema/tasks';
import { ApiError } from '../../http/errors';
import { assertVersion } from '../../http/version';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { invalid, notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { type AgileProject, loadProject, moveTasks, projectRef } from '../workflow/agile-project';
import {
  doneKeys,
  findSprint,
  type SprintRow,
  type SprintView,
  sprintSubject,
  sprintTotals,
  sprintViewOf,
  toSprintView,
} from './sprint-view';

/** Fields a client sets when creating a sprint. */
export interface SprintInput {
  name: string;
  goal?: string | undefined;
  startDate: string;
  finishDate: string;
  capacityPoints?: number | null | undefined;
}

/** Fields a client may change. */
export type SprintChanges = Changes<SprintInput>;

const dayMs = 86_400_000;

function checkDates(startDate: string, finishDate: string): void {
  if (finishDate < startDate) {
    throw invalid('finishDate', `The sprint finishes (${finishDate}) before it starts (${startDate})`);
  }
  const days = (Date.parse(finishDate) - Date.parse(startDate)) / dayMs + 1;
  if (days > maxSprintDays)
    throw invalid('finishDate', `A sprint lasts at most ${maxSprintDays} days, not ${days}`);
}

/** The sprint and its project, after checking the caller may see it (404 otherwise) and, for writes, edit it. */
export async function sprintForCaller(
  db: Queryable,
  userId: string,
  sprintId: string,
  access: 'see' | 'edit',
  lock = false,
): Promise<{ sprint: SprintRow; project: AgileProject }> {
  const found = await findSprint(db, sprintId);
  if (!found) throw notFound('Sprint', sprintId);
  // The project row first, then the sprint's: every sprint write takes the two locks in that order.
  const project = await loadProject(db, found.projectId, lock);
  if (!(await policy.canSee(db, userId, projectRef(project)))) throw notFound('Sprint', sprintId);
  if (access === 'edit') await policy.assertCanEdit(db, userId, projectRef(project));
  const sprint = lock ? await findSprint(db, sprintId, true) : found;
  if (!sprint) throw notFound('Sprint', sprintId);
  return { sprint, project };
}

/** The sprints of a project the caller may see, in the order they run. */
export async function listSprints(db: Database, userId: string, projectId: string): Promise<SprintView[]> {
  const project = await loadProject(db, projectId);
  await policy.assertCanSee(db, userId, projectRef(project));
  const rows = await db
    .select()
    .from(sprints)
    .where(eq(sprints.projectId, projectId))
    .orderBy(asc(sprints.startDate), asc(sprints.createdAt), asc(sprints.id));
  const totals = await sprintTotals(
    db,
    rows.map((row) => row.id),
    doneKeys(project.workflow),
  );
  return rows.map((row) => toSprintView(row, totals.get(row.id)));
}

/** One sprint the caller may see. */
export async function getSprint(db: Database, userId: string, sprintId: string): Promise<SprintView> {
  const { sprint, project } = await sprintForCaller(db, userId, sprintId, 'see');
  return sprintViewOf(db, sprint, project.workflow);
}

/** Plans a new sprint in a project. */
export async function createSprint(
  db: Database,
  userId: string,
  projectId: string,
  input: SprintInput,
): Promise<SprintView> {
  checkDates(input.startDate, input.finishDate);
  return writeTransaction(db, async (tx) => {
    const project = await loadProject(tx, projectId);
    await policy.assertCanEdit(tx, userId, projectRef(project));
    const [row] = await tx
      .insert(sprints)
      .values({
        id: newId('spr'),
        workspaceId: project.workspaceId,
        projectId,
        name: input.name,
        goal: input.goal ?? '',
        startDate: input.startDate,
        finishDate: input.finishDate,
        capacityPoints: input.capacityPoints ?? null,
      })
      .returning();
    if (!row) throw new Error('insert into sprints returned no row');
    const view = toSprintView(row);
    await recordChange(tx, userId, sprintSubject(row), 'create', null, view);
    return view;
  });
}

/** Changes a sprint's name, goal, dates or capacity at the expected version. */
export async function updateSprint(
  db: Database,
  userId: string,
  sprintId: string,
  expectedVersion: number,
  changes: SprintChanges,
): Promise<SprintView> {
  return writeTransaction(db, async (tx) => {
    const { sprint, project } = await sprintForCaller(tx, userId, sprintId, 'edit', true);
    const before = await sprintViewOf(tx, sprint, project.workflow);
    assertVersion(`Sprint ${sprintId}`, before, expectedVersion);
    const next = definedOnly(changes);
    checkDates(next.startDate ?? sprint.startDate, next.finishDate ?? sprint.finishDate);
    const updated = await writeSprint(tx, sprintId, next);
    const after = await sprintViewOf(tx, updated, project.workflow);
    await recordChange(tx, userId, sprintSubject(updated), 'update', before, after);
    return after;
  });
}

/** Writes fields of a locked sprint, bumping its version. */
export async function writeSprint(
  tx: Transaction,
  sprintId: string,
  fields: Partial<typeof sprints.$inferInsert>,
): Promise<SprintRow> {
  const [updated] = await tx
    .update(sprints)
    .set({ ...fields, version: sql`${sprints.version} + 1`, updatedAt: sql`now()` })
    .where(eq(sprints.id, sprintId))
    .returning();
  if (!updated) throw new Error(`sprint ${sprintId} vanished while locked`);
  return updated;
}

/** Deletes a planned or completed sprint; its tasks return to the backlog. An active sprint is completed first. */
export async function deleteSprint(
  db: Database,
  userId: string,
  sprintId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const { sprint, project } = await sprintForCaller(tx, userId, sprintId, 'edit', true);
    const before = await sprintViewOf(tx, sprint, project.workflow);
    assertVersion(`Sprint ${sprintId}`, before, expectedVersion);
    if (sprint.state === 'active') {
      throw new ApiError(
        409,
        'CONFLICT',
        `Sprint "${sprint.name}" is active; complete it before deleting it`,
      );
    }
    await moveTasks(tx, userId, sprint.workspaceId, await taskIdsIn(tx, sprintId), { sprintId: null });
    await tx.delete(sprints).where(eq(sprints.id, sprintId));
    await recordChange(tx, userId, sprintSubject(sprint), 'delete', before, null);
  });
}

/** The ids of the tasks a sprint holds now. */
export async function taskIdsIn(db: Queryable, sprintId: string): Promise<string[]> {
  const rows = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.sprintId, sprintId));
  return rows.map((row) => row.id);
}
