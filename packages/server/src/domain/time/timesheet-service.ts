import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Queryable } from '../../db/client';
import { newId } from '../../db/ids';
import { entityMembers } from '../../db/schema/entity-members';
import { projects } from '../../db/schema/projects';
import { tasks } from '../../db/schema/tasks';
import { timeEntries } from '../../db/schema/time-entries';
import type { TimesheetState } from '../../db/schema/timesheets';
import { timesheets } from '../../db/schema/timesheets';
import { users } from '../../db/schema/users';
import { ApiError } from '../../http/errors';
import { recordChange } from '../shared/change-log';
import { notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { toTimeEntryView } from './time-entry-view';
import { type TimesheetView, timesheetSubject, toTimesheetView } from './timesheet-view';
import { assertMonday, weekEndOf } from './week';
import { lockWeek } from './week-lock';

type SheetRow = typeof timesheets.$inferSelect;

/** A decision on a submitted week. */
export type TimesheetDecision = 'approve' | 'reject';

function workspaceNotFound(workspaceId: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', `Workspace ${workspaceId} was not found`);
}

/** The entries of one person's week in one workspace, by day. */
async function weekEntries(db: Queryable, workspaceId: string, userId: string, weekStart: string) {
  const rows = await db
    .select({ entry: timeEntries, projectName: projects.name, taskName: tasks.name, userName: users.name })
    .from(timeEntries)
    .innerJoin(projects, eq(projects.id, timeEntries.projectId))
    .innerJoin(tasks, eq(tasks.id, timeEntries.taskId))
    .innerJoin(users, eq(users.id, timeEntries.userId))
    .where(
      and(
        eq(timeEntries.workspaceId, workspaceId),
        eq(timeEntries.userId, userId),
        gte(timeEntries.day, weekStart),
        lte(timeEntries.day, weekEndOf(weekStart)),
      ),
    )
    .orderBy(asc(timeEntries.day), asc(projects.name), asc(tasks.position), asc(timeEntries.createdAt));
  return rows.map((row) => toTimeEntryView(row.entry, row));
}

async function userName(db: Queryable, userId: string): Promise<string> {
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return user?.name ?? '';
}

async function findSheet(db: Queryable, workspaceId: string, userId: string, weekStart: string) {
  const [row] = await db
    .select()
    .from(timesheets)
    .where(
      and(
        eq(timesheets.workspaceId, workspaceId),
        eq(timesheets.userId, userId),
        eq(timesheets.weekStart, weekStart),
      ),
    );
  return row;
}

/** The caller's week in a workspace: its state (open when never submitted) and its entries. */
export async function myTimesheet(
  db: Database,
  userId: string,
  workspaceId: string,
  weekStart: string,
): Promise<TimesheetView> {
  assertMonday(weekStart);
  if ((await policy.workspaceRole(db, userId, workspaceId)) === null) throw workspaceNotFound(workspaceId);
  const entries = await weekEntries(db, workspaceId, userId, weekStart);
  const name = await userName(db, userId);
  const row = await findSheet(db, workspaceId, userId, weekStart);
  if (row) return toTimesheetView(row, name, entries);
  return {
    id: null,
    workspaceId,
    userId,
    userName: name,
    weekStart,
    state: 'open',
    submittedAt: null,
    decidedBy: null,
    decidedAt: null,
    comment: '',
    totalMinutes: entries.reduce((sum, entry) => sum + entry.minutes, 0),
    entries,
    version: 0,
  };
}

/**
 * Submits the caller's week for approval, locking its entries. 409 when it is already submitted or approved or a
 * timer still runs in it; 422 for a week with no time logged.
 */
export async function submitTimesheet(
  db: Database,
  userId: string,
  workspaceId: string,
  weekStart: string,
): Promise<TimesheetView> {
  assertMonday(weekStart);
  return writeTransaction(db, async (tx) => {
    if ((await policy.workspaceRole(tx, userId, workspaceId)) === null) throw workspaceNotFound(workspaceId);
    await lockWeek(tx, userId, weekStart);
    const entries = await weekEntries(tx, workspaceId, userId, weekStart);
    if (entries.some((entry) => entry.timerStartedAt !== null)) {
      throw new ApiError(
        409,
        'TIMER_RUNNING',
        `Stop the timer running in the week of ${weekStart} before submitting it`,
      );
    }
    if (!entries.some((entry) => entry.minutes > 0)) {
      throw new ApiError(422, 'EMPTY_TIMESHEET', `The week of ${weekStart} has no time logged to submit`);
    }
    const existing = await findSheet(tx, workspaceId, userId, weekStart);
    if (existing && (existing.state === 'submitted' || existing.state === 'approved')) {
      throw new ApiError(409, 'CONFLICT', `The week of ${weekStart} is already ${existing.state}`);
    }
    const values = { state: 'submitted' as const, submittedAt: new Date(), decidedBy: null, decidedAt: null };
    const [row] = existing
      ? await tx
          .update(timesheets)
          .set({ ...values, version: sql`${timesheets.version} + 1`, updatedAt: sql`now()` })
          .where(eq(timesheets.id, existing.id))
          .returning()
      : await tx
          .insert(timesheets)
          .values({ id: newId('tsh'), workspaceId, userId, weekStart, ...values })
          .returning();
    if (!row) throw new Error('submitting a timesheet wrote no row');
    const name = entries[0]?.userName ?? (await userName(tx, userId));
    const view = toTimesheetView(row, name, entries);
    const before = existing ? toTimesheetView(existing, name, entries) : null;
    await recordChange(tx, userId, timesheetSubject(row), existing ? 'update' : 'create', before, view);
    return view;
  });
}

/** The projects of a week's entries that the user manages. */
async function managedProjectsOf(db: Queryable, userId: string, sheet: SheetRow): Promise<string[]> {
  const rows = await db
    .selectDistinct({ projectId: timeEntries.projectId })
    .from(timeEntries)
    .innerJoin(
      entityMembers,
      and(
        eq(entityMembers.entityType, 'project'),
        eq(entityMembers.entityId, timeEntries.projectId),
        eq(entityMembers.userId, userId),
        eq(entityMembers.role, policy.managerRole.project),
      ),
    )
    .where(
      and(
        eq(timeEntries.workspaceId, sheet.workspaceId),
        eq(timeEntries.userId, sheet.userId),
        gte(timeEntries.day, sheet.weekStart),
        lte(timeEntries.day, weekEndOf(sheet.weekStart)),
      ),
    );
  return rows.map((row) => row.projectId);
}

/**
 * Who may decide on a week: a workspace owner or admin, or the manager of a project its entries belong to (never on
 * their own week). Anyone else who is not its owner gets 404; its owner gets 403.
 */
async function assertCanDecide(db: Queryable, userId: string, sheet: SheetRow): Promise<void> {
  const role = await policy.workspaceRole(db, userId, sheet.workspaceId);
  if (role === 'owner' || role === 'admin') return;
  const manages = role !== null && (await managedProjectsOf(db, userId, sheet)).length > 0;
  if (manages && sheet.userId !== userId) return;
  if (sheet.userId === userId) {
    throw new ApiError(403, 'FORBIDDEN', 'Your own timesheet is approved by a project manager or an admin');
  }
  throw notFound('Timesheet', sheet.id);
}

/** One week by id, for its owner and for those who may decide on it. */
export async function getTimesheet(
  db: Database,
  userId: string,
  timesheetId: string,
): Promise<TimesheetView> {
  const [row] = await db.select().from(timesheets).where(eq(timesheets.id, timesheetId));
  if (!row) throw notFound('Timesheet', timesheetId);
  if (row.userId !== userId) await assertCanDecide(db, userId, row);
  else if ((await policy.workspaceRole(db, userId, row.workspaceId)) === null)
    throw notFound('Timesheet', timesheetId);
  const entries = await weekEntries(db, row.workspaceId, row.userId, row.weekStart);
  return toTimesheetView(row, await userName(db, row.userId), entries);
}

/**
 * Approves a submitted week (its entries stay locked) or sends it back with a comment (its entries open again).
 * 409 when the week is not waiting for a decision.
 */
export async function decideTimesheet(
  db: Database,
  userId: string,
  timesheetId: string,
  decision: TimesheetDecision,
  comment: string,
): Promise<TimesheetView> {
  return writeTransaction(db, async (tx) => {
    const [found] = await tx.select().from(timesheets).where(eq(timesheets.id, timesheetId));
    if (!found) throw notFound('Timesheet', timesheetId);
    await assertCanDecide(tx, userId, found);
    await lockWeek(tx, found.userId, found.weekStart);
    const [row] = await tx.select().from(timesheets).where(eq(timesheets.id, timesheetId)).for('update');
    if (!row) throw notFound('Timesheet', timesheetId);
    if (row.state !== 'submitted') {
      throw new ApiError(
        409,
        'CONFLICT',
        `The week of ${row.weekStart} is ${row.state}, not waiting for approval`,
      );
    }
    const state: TimesheetState = decision === 'approve' ? 'approved' : 'rejected';
    const [updated] = await tx
      .update(timesheets)
      .set({
        state,
        comment,
        decidedBy: userId,
        decidedAt: sql`now()`,
        version: sql`${timesheets.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(timesheets.id, timesheetId))
      .returning();
    if (!updated) throw new Error(`timesheet ${timesheetId} vanished while locked`);
    const entries = await weekEntries(tx, row.workspaceId, row.userId, row.weekStart);
    const name = await userName(tx, row.userId);
    const after = toTimesheetView(updated, name, entries);
    await recordChange(
      tx,
      userId,
      timesheetSubject(updated),
      'update',
      toTimesheetView(row, name, entries),
      after,
    );
    return after;
  });
}

/**
 * The submitted weeks of a workspace the caller may decide on, oldest first: all of them for owners and admins, those
 * with time on projects they manage for project managers (never their own). Entries are left out; totals are given.
 */
export async function pendingTimesheets(
  db: Database,
  userId: string,
  workspaceId: string,
  state: TimesheetState = 'submitted',
): Promise<{ items: TimesheetView[]; nextCursor: null }> {
  const role = await policy.workspaceRole(db, userId, workspaceId);
  if (role === null) throw workspaceNotFound(workspaceId);
  const admin = role === 'owner' || role === 'admin';
  const total = sql<number>`coalesce((select sum(${timeEntries.minutes}) from ${timeEntries}
    where ${timeEntries.workspaceId} = ${timesheets.workspaceId} and ${timeEntries.userId} = ${timesheets.userId}
      and ${timeEntries.day} between ${timesheets.weekStart} and ${timesheets.weekStart} + 6), 0)::int`;
  const managed = sql`exists (select 1 from ${timeEntries} join ${entityMembers}
      on ${entityMembers.entityType} = 'project' and ${entityMembers.entityId} = ${timeEntries.projectId}
     and ${entityMembers.userId} = ${userId} and ${entityMembers.role} = ${policy.managerRole.project}
    where ${timeEntries.workspaceId} = ${timesheets.workspaceId} and ${timeEntries.userId} = ${timesheets.userId}
      and ${timeEntries.day} between ${timesheets.weekStart} and ${timesheets.weekStart} + 6)`;
  const rows = await db
    .select({ sheet: timesheets, userName: users.name, total })
    .from(timesheets)
    .innerJoin(users, eq(users.id, timesheets.userId))
    .where(
      and(
        eq(timesheets.workspaceId, workspaceId),
        eq(timesheets.state, state),
        admin ? undefined : and(managed, sql`${timesheets.userId} <> ${userId}`),
      ),
    )
    .orderBy(asc(timesheets.weekStart), asc(users.name))
    .limit(500);
  return {
    items: rows.map((row) => toTimesheetView(row.sheet, row.userName, [], row.total)),
    nextCursor: null,
  };
}
