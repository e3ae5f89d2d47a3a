import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index';

/** The typed database handle every repository and service takes; `$client` is its pool, for hand-written statements. */
export type Database = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/** A transaction handle: the same query API as `Database`, committed or rolled back as one. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Either a database or an open transaction, for functions that work inside both. */
export type Queryable = Database | Transaction;

/** Options for `createDatabaseClient`. */
export interface DatabaseClientOptions {
  connectionString: string;
  /** Pool size; the default suits one server process on a small machine. */
  max?: number;
  /** Connections kept open however long they stay idle (none by default); see `warmPool`. */
  min?: number;
  onError?: (error: Error) => void;
}

/** A pool and the drizzle handle over it. */
export interface DatabaseClient {
  pool: pg.Pool;
  db: Database;
  close(): Promise<void>;
}

// Return int8 (counts, sums) as numbers: Tandem's counts stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

// The longest `close()` waits for the pool's connections to end.
const closeWaitMs = 5_000;

/** Opens a `pg` pool and wraps it with drizzle and the full schema. */
export function createDatabaseClient(options: DatabaseClientOptions): DatabaseClient {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 20,
    min: options.min ?? 0,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', (error) => options.onError?.(error));
  const db = drizzle(pool, { schema });
  let closed = false;
  return {
    pool,
    db,
    async close() {
      if (closed) return;
      closed = true;
      // pg-pool's end() resolves once it has asked its clients to end, not once they have: stopping PostgreSQL right
      // after would cut those connections and report each one as a failed idle connection.
      let open = pool.totalCount;
      const ended = new Promise<void>((resolve) => {
        if (open === 0) resolve();
        pool.on('remove', () => {
          open -= 1;
          if (open <= 0) resolve();
        });
        // A client some caller never releases must not hold a shutdown up for ever.
        setTimeout(resolve, closeWaitMs).unref();
      });
      await pool.end();
      await ended;
    },
  };
}

/**
 * Opens `count` connections at once and hands them back to the pool idle. A server does it as it starts, with the
 * pool's `min` at the same count, so that the first burst of concurrent requests finds its connections open instead of
 * waiting for PostgreSQL to start a backend and check the password for each, one burst request at a time.
 */
export async function warmPool(pool: pg.Pool, count: number): Promise<void> {
  const opened = await Promise.allSettled(Array.from({ length: count }, () => pool.connect()));
  for (const result of opened) if (result.status === 'fulfilled') result.value.release();
  const failed = opened.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
 * @example await transaction(db, async (tx) => { await tx.insert(tasks).values(row); await appendAudit(tx, entry); });
 */
export function transaction<T>(db: Database, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}
