import { sql } from 'drizzle-orm';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { Database, Transaction } from '../../db/client';
import { retryingConflicts } from '../shared/write-transaction';

const dialect = new PgDialect();

// A transaction handle builds a query builder per table of the schema: one per pooled connection is built once.
const handles = new WeakMap<pg.PoolClient, Transaction>();

/** Transactions run by `planWriteTransaction`, and whether their last statement has committed them. */
const runs = new WeakMap<Transaction, { committed: boolean }>();

/**
 * `writeTransaction` for a plan write that ends with `commitPlanChange`: since that statement commits, this runner
 * sends no commit of its own after it (drizzle's `transaction` would, a round trip for nothing). A write that ends
 * otherwise is committed as usual; a failure before the commit rolls back and a deadlock runs the write again.
 * @example const view = await planWriteTransaction(db, async (tx) => { …; await commitPlanChange(tx, projectId, change); return view; });
 */
export async function planWriteTransaction<T>(db: Database, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  const { fullSchema, schema, tableNamesMap } = db._;
  if (!schema) throw new Error('the database handle has no schema');
  const relations = { fullSchema, schema, tableNamesMap };
  return retryingConflicts(async () => {
    const client = await db.$client.connect();
    let tx = handles.get(client);
    if (!tx) {
      tx = new NodePgTransaction(
        dialect,
        new NodePgSession(client, dialect, relations),
        relations,
      ) as unknown as Transaction;
      handles.set(client, tx);
    }
    const run = { committed: false };
    runs.set(tx, run);
    let broken = false;
    try {
      await tx.execute(sql`begin`);
      const result = await fn(tx);
      if (!run.committed) await tx.execute(sql`commit`);
      return result;
    } catch (error) {
      // A rollback that fails leaves a connection not to reuse; the write's own error is the one to report.
      if (!run.committed) await tx.execute(sql`rollback`).catch(() => (broken = true));
      throw error;
    } finally {
      client.release(broken);
    }
  });
}

/**
 * What a statement that commits the write must end with: `commit`, and only in a transaction `planWriteTransaction`
 * runs, which sends nothing after it. Another runner would commit, roll back or retry after the write had committed.
 */
export function commitTail(tx: Transaction): string {
  if (!runs.has(tx))
    throw new Error(
      'a plan write commits only inside planWriteTransaction, not in another runner or a nested transaction',
    );
  return 'commit';
}

/** Records that the statement ending with `commitTail(tx)` ran, so `planWriteTransaction` sends no commit after it. */
export function markCommitted(tx: Transaction): void {
  const run = runs.get(tx);
  if (run) run.committed = true;
}
