import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { timesheets } from '../../db/schema/timesheets';
import { weekLocked, weekStartOf } from './week';

/**
 * Serialises the writes to one person's week (entries, timer, submission) for the rest of the transaction, so an
 * entry cannot slip into a week while it is being submitted.
 */
export async function lockWeek(tx: Transaction, userId: string, weekStart: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`week:${userId}:${weekStart}`}, 0))`);
}

/** Locks the week of `day` and throws 409 when it is submitted or approved. */
export async function assertWeekOpen(
  tx: Transaction,
  workspaceId: string,
  userId: string,
  day: string,
): Promise<void> {
  const weekStart = weekStartOf(day);
  await lockWeek(tx, userId, weekStart);
  const [sheet] = await tx
    .select({ state: timesheets.state })
    .from(timesheets)
    .where(
      and(
        eq(timesheets.workspaceId, workspaceId),
        eq(timesheets.userId, userId),
        eq(timesheets.weekStart, weekStart),
      ),
    );
  if (sheet?.state === 'submitted' || sheet?.state === 'approved') throw weekLocked(weekStart, sheet.state);
}
