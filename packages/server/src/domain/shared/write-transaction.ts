import { type Database, type Transaction, transaction } from '../../db/client';

// PostgreSQL's "deadlock detected" and "could not serialize access": the transaction did nothing and may run again.
const retryableCodes = new Set(['40P01', '40001']);

/** The PostgreSQL error code (SQLSTATE) of an error or of the error it wraps, if any. */
export function sqlState(error: unknown): string | undefined {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/**
 * Runs a write in one transaction, running it again when PostgreSQL aborted it for a deadlock or a serialisation
 * failure (two people moving two tasks under each other at the same moment), so such a race never reaches the client
 * as a 500: the retry sees the other write and answers as it should (here, 400 for the cycle).
 */
export async function writeTransaction<T>(db: Database, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return retryingConflicts(() => transaction(db, fn));
}

/** Runs `attempt` (one whole transaction) again, up to five times, while PostgreSQL aborts it for a deadlock or a serialisation failure. */
export async function retryingConflicts<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const code = sqlState(error);
      if (n >= 5 || code === undefined || !retryableCodes.has(code)) throw error;
      // A short, jittered pause lets the transaction that won finish first.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * n));
    }
  }
}
