import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { newId } from '../../db/ids';
import { timeEntries } from '../../db/schema/time-entries';
import { ApiError } from '../../http/errors';
import { touchPlan } from '../schedule/plan-revision';
import { recordChange } from '../shared/change-log';
import { writeTransaction } from '../shared/write-transaction';
import { entryNames } from './time-entry-service';
import { type TimeEntryView, timeEntrySubject, toTimeEntryView } from './time-entry-view';
import { loggableTask, markActualStart } from './time-task';
import { today } from './week';
import { assertWeekOpen } from './week-lock';

/** The caller's running timer, if any, and how long it has run. */
export interface TimerView {
  entry: TimeEntryView | null;
  elapsedMinutes: number;
}

// An entry holds at most one day of time, however long a forgotten timer ran.
const maxMinutesPerEntry = 1440;

function elapsedMinutes(startedAt: Date, now: Date): number {
  return Math.max(0, Math.round((now.getTime() - startedAt.getTime()) / 60_000));
}

async function runningEntry(db: Queryable, userId: string) {
  const [row] = await db
    .select()
    .from(timeEntries)
    .where(and(eq(timeEntries.userId, userId), isNotNull(timeEntries.timerStartedAt)))
    .limit(1);
  return row;
}

/** One running timer per person, however many requests race to start one. */
async function lockTimer(db: Queryable, userId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`timer:${userId}`}, 0))`);
}

/** The caller's running timer. */
export async function currentTimer(db: Database, userId: string, now = new Date()): Promise<TimerView> {
  const row = await runningEntry(db, userId);
  if (!row?.timerStartedAt) return { entry: null, elapsedMinutes: 0 };
  return {
    entry: toTimeEntryView(row, await entryNames(db, row)),
    elapsedMinutes: elapsedMinutes(row.timerStartedAt, now),
  };
}

/**
 * Starts a timer on a task, on the caller's entry of that task for `day` (their today; the server's date when
 * absent), creating the entry when there is none. A second timer is a 409 naming the one that runs.
 */
export async function startTimer(
  db: Database,
  userId: string,
  taskId: string,
  day: string = today(),
): Promise<TimerView> {
  return writeTransaction(db, async (tx) => {
    await lockTimer(tx, userId);
    const running = await runningEntry(tx, userId);
    if (running) {
      const names = await entryNames(tx, running);
      throw new ApiError(
        409,
        'TIMER_RUNNING',
        `A timer is already running on "${names.taskName}"; stop it before starting another`,
      );
    }
    const task = await loggableTask(tx, userId, taskId);
    await assertWeekOpen(tx, task.workspaceId, userId, day);
    const [existing] = await tx
      .select()
      .from(timeEntries)
      .where(and(eq(timeEntries.taskId, taskId), eq(timeEntries.userId, userId), eq(timeEntries.day, day)))
      .orderBy(timeEntries.createdAt)
      .limit(1)
      .for('update');
    const [row] = existing
      ? await tx
          .update(timeEntries)
          .set({
            timerStartedAt: sql`now()`,
            version: sql`${timeEntries.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(eq(timeEntries.id, existing.id))
          .returning()
      : await tx
          .insert(timeEntries)
          .values({
            id: newId('tim'),
            workspaceId: task.workspaceId,
            projectId: task.projectId,
            taskId,
            userId,
            day,
            minutes: 0,
            timerStartedAt: sql`now()`,
          })
          .returning();
    if (!row) throw new Error('starting a timer wrote no row');
    const view = toTimeEntryView(row, await entryNames(tx, row));
    const before = existing ? toTimeEntryView(existing, await entryNames(tx, existing)) : null;
    await recordChange(tx, userId, timeEntrySubject(row), existing ? 'update' : 'create', before, view);
    return { entry: view, elapsedMinutes: 0 };
  });
}

/** Stops the caller's timer, adding the minutes it ran to its entry; 409 when no timer runs. */
export async function stopTimer(db: Database, userId: string): Promise<TimerView> {
  return writeTransaction(db, async (tx) => {
    await lockTimer(tx, userId);
    const running = await runningEntry(tx, userId);
    if (!running?.timerStartedAt) throw new ApiError(409, 'NO_TIMER', 'No timer is running');
    await touchPlan(tx, running.projectId);
    const [row] = await tx.select().from(timeEntries).where(eq(timeEntries.id, running.id)).for('update');
    if (!row?.timerStartedAt) throw new ApiError(409, 'NO_TIMER', 'No timer is running');
    // The database's clock started the timer, so the database's clock stops it.
    const elapsedSql = sql`round(extract(epoch from now() - ${timeEntries.timerStartedAt}) / 60)::int`;
    const [updated] = await tx
      .update(timeEntries)
      .set({
        minutes: sql`least(${maxMinutesPerEntry}, ${timeEntries.minutes} + greatest(0, ${elapsedSql}))`,
        timerStartedAt: null,
        version: sql`${timeEntries.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(timeEntries.id, row.id))
      .returning();
    if (!updated) throw new Error(`time entry ${row.id} vanished while locked`);
    if (updated.minutes > 0) await markActualStart(tx, userId, row.taskId, row.day);
    const names = await entryNames(tx, updated);
    const after = toTimeEntryView(updated, names);
    await recordChange(tx, userId, timeEntrySubject(updated), 'update', toTimeEntryView(row, names), after);
    return { entry: after, elapsedMinutes: updated.minutes - row.minutes };
  });
}
