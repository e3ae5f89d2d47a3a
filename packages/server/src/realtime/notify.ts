import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { type Change, changesChannel } from './change';

/**
 * Queues a change notification inside the caller's transaction; PostgreSQL delivers it to every listening server only
 * when the transaction commits, and never when it rolls back.
 * @example await transaction(db, async (tx) => { ...; await publishChange(tx, { entityType: 'task', ... }); });
 */
export async function publishChange(tx: Queryable, change: Change): Promise<void> {
  await tx.execute(sql`select pg_notify(${changesChannel}, ${JSON.stringify(change)})`);
}
