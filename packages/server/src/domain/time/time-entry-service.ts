import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Queryable, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { projects } from '../../db/schema/projects';
import { tasks } from '../../db/schema/tasks';
import { timeEntries } from '../../db/schema/time-entries';
import { users } from '../../db/schema/users';
import { ApiError } from '../../http/errors';
import { assertVersion } from '../../http/version';
import { touchPlan } from '../schedule/plan-revision';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { type EntryNames, type TimeEntryView, timeEntrySubject, toTimeEntryView } from './time-entry-view';
import { loggableTask, markActualStart } from './time-task';
import { assertRange } from './week';
import { assertWeekOpen } from './week-lock';

type EntryRow = typeof timeEntries.$inferSelect;

/** Fields a client sets when logging time. */
export interface TimeEntryInput {
  taskId: string;
  day: string;
  minutes: number;
  note?: string | undefined;
}

/** Fields a client may change on an entry. */
export type TimeEntryChanges = Changes<Pick<TimeEntryInput, 'day' | 'minutes' | 'note'>>;

/** Which entries to list: a date range, and whose or which project's. */
export interface TimeEntryQuery {
  from: string;
  to: string;
  userId?: string | undefined;
  projectId?: string | undefined;
  taskId?: string | undefined;
}

const entryColumns = {
  entry: timeEntries,
  projectName: projects.name,
  taskName: tasks.name,
  userName: users.name,
};

/** Entries with the names their views show. */
function withNames(db: Queryable) {
  return db
    .select(entryColumns)
    .from(timeEntries)
    .innerJoin(projects, eq(projects.id, timeEntries.projectId))
    .innerJoin(tasks, eq(tasks.id, timeEntries.taskId))
    .innerJoin(users, eq(users.id, timeEntries.userId));
}

/** The names of one entry's view. */
export async function entryNames(db: Queryable, row: EntryRow): Promise<EntryNames> {
  const [found] = await withNames(db).where(eq(timeEntries.id, row.id));
  if (!found) throw new Error(`time entry ${row.id} lost its project, task or person`);
  return found;
}

/** Logs time on a task of a project the caller may see: 409 when that week is submitted or approved. */
export async function createTimeEntry(
  db: Database,
  userId: string,
  input: TimeEntryInput,
): Promise<TimeEntryView> {
  return writeTransaction(db, async (tx) => {
    const task = await loggableTask(tx, userId, input.taskId);
    // Logged minutes are the assignments' actual work: the plan's schedule moves with them.
    await touchPlan(tx, task.projectId);
    await assertWeekOpen(tx, task.workspaceId, userId, input.day);
    if (input.minutes > 0) await markActualStart(tx, userId, task.id, input.day);
    const [row] = await tx
      .insert(timeEntries)
      .values({
        id: newId('tim'),
        workspaceId: task.workspaceId,
        projectId: task.projectId,
        taskId: task.id,
        userId,
        day: input.day,
        minutes: input.minutes,
        note: input.note ?? '',
      })
      .returning();
    if (!row) throw new Error('insert into time_entries returned no row');
    const view = toTimeEntryView(row, await entryNames(tx, row));
    await recordChange(tx, userId, timeEntrySubject(row), 'create', null, view);
    return view;
  });
}

/**
 * Locks one of the caller's own entries for a write, after the plan's lock: 404 when the caller cannot see it, 403
 * for a manager who sees someone else's entry (people change only their own time).
 */
async function lockOwnEntry(tx: Transaction, userId: string, entryId: string): Promise<EntryRow> {
  const [found] = await tx.select().from(timeEntries).where(eq(timeEntries.id, entryId));
  if (!found) throw notFound('Time entry', entryId);
  if (found.userId !== userId) {
    const ref = { kind: 'project' as const, id: found.projectId, workspaceId: found.workspaceId };
    if (!(await policy.canManage(tx, userId, ref))) throw notFound('Time entry', entryId);
    throw new ApiError(403, 'FORBIDDEN', `Time entry ${entryId} is someone else's; only they may change it`);
  }
  await touchPlan(tx, found.projectId);
  const [row] = await tx.select().from(timeEntries).where(eq(timeEntries.id, entryId)).for('update');
  if (!row) throw notFound('Time entry', entryId);
  return row;
}

/** Changes the caller's own entry at the expected version; both its old and new week must be open. */
export async function updateTimeEntry(
  db: Database,
  userId: string,
  entryId: string,
  expectedVersion: number,
  changes: TimeEntryChanges,
): Promise<TimeEntryView> {
  return writeTransaction(db, async (tx) => {
    const row = await lockOwnEntry(tx, userId, entryId);
    const before = toTimeEntryView(row, await entryNames(tx, row));
    assertVersion(`Time entry ${entryId}`, before, expectedVersion);
    const days = [row.day, changes.day ?? row.day].sort();
    for (const day of new Set(days)) await assertWeekOpen(tx, row.workspaceId, userId, day);
    const minutes = changes.minutes ?? row.minutes;
    if (minutes > 0) await markActualStart(tx, userId, row.taskId, changes.day ?? row.day);
    const [updated] = await tx
      .update(timeEntries)
      .set({ ...definedOnly(changes), version: sql`${timeEntries.version} + 1`, updatedAt: sql`now()` })
      .where(eq(timeEntries.id, entryId))
      .returning();
    if (!updated) throw new Error(`time entry ${entryId} vanished while locked`);
    const after = toTimeEntryView(updated, await entryNames(tx, updated));
    await recordChange(tx, userId, timeEntrySubject(updated), 'update', before, after);
    return after;
  });
}

/** Deletes the caller's own entry at the expected version, if its week is open. */
export async function deleteTimeEntry(
  db: Database,
  userId: string,
  entryId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await lockOwnEntry(tx, userId, entryId);
    const before = toTimeEntryView(row, await entryNames(tx, row));
    assertVersion(`Time entry ${entryId}`, before, expectedVersion);
    await assertWeekOpen(tx, row.workspaceId, userId, row.day);
    await tx.delete(timeEntries).where(eq(timeEntries.id, entryId));
    await recordChange(tx, userId, timeEntrySubject(row), 'delete', before, null);
  });
}

/**
 * Time entries in a date range (at most a year), by day. Without `projectId` they are the caller's own (asking for
 * someone else's is a 403). With it, the project must be visible (404); its manager, or a workspace owner or admin,
 * reads everyone's entries on it, anyone else only their own.
 */
export async function listTimeEntries(
  db: Database,
  userId: string,
  query: TimeEntryQuery,
): Promise<{ items: TimeEntryView[]; nextCursor: null }> {
  assertRange(query.from, query.to, 366);
  let person: string | undefined = query.userId ?? userId;
  let readsOthers = false;
  if (query.projectId !== undefined) {
    const [project] = await db
      .select({ id: projects.id, workspaceId: projects.workspaceId })
      .from(projects)
      .where(eq(projects.id, query.projectId));
    if (!project) throw notFound('Project', query.projectId);
    const ref = { kind: 'project' as const, id: project.id, workspaceId: project.workspaceId };
    await policy.assertCanSee(db, userId, ref);
    readsOthers = await policy.canManage(db, userId, ref);
    if (readsOthers) person = query.userId;
  }
  if (!readsOthers && person !== userId) {
    throw new ApiError(
      403,
      'FORBIDDEN',
      "Only a project's manager reads other people's time: ask with the projectId of a project you manage",
      'userId',
    );
  }
  const rows = await withNames(db)
    .where(
      and(
        gte(timeEntries.day, query.from),
        lte(timeEntries.day, query.to),
        person === undefined ? undefined : eq(timeEntries.userId, person),
        query.projectId === undefined ? undefined : eq(timeEntries.projectId, query.projectId),
        query.taskId === undefined ? undefined : eq(timeEntries.taskId, query.taskId),
      ),
    )
    .orderBy(asc(timeEntries.day), asc(timeEntries.createdAt), asc(timeEntries.id));
  return { items: rows.map((row) => toTimeEntryView(row.entry, row)), nextCursor: null };
}
