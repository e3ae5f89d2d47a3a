import { and, eq, gt, sql } from 'drizzle-orm';
import { type Database, type Queryable, transaction } from '../db/client';
import { newId } from '../db/ids';
import { loginAttempts } from '../db/schema/login-attempts';
import { ApiError } from '../http/errors';

/** Failures allowed per email and client address within the window before sign-in is refused. */
const maxFailures = 10;

/** The window failures are counted in. */
const failureWindowMinutes = 15;

// More expired rows swept than failures added: the table shrinks back to its window whatever the traffic.
const sweepBatch = 10;

/** A sign-in key: who is tried, and from where. */
export interface ThrottleKey {
  email: string;
  ip: string;
}

function normalised(key: ThrottleKey): ThrottleKey {
  return { email: key.email.trim().toLowerCase(), ip: key.ip };
}

/**
 * Serialises attempts on one key across every server on the database until the transaction ends, so that parallel
 * guesses cannot all slip under the limit.
 */
async function lockKey(tx: Queryable, key: ThrottleKey): Promise<void> {
  const { email, ip } = normalised(key);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`login:${email}|${ip}`}, 0))`);
}

/** Throws 429 RATE_LIMITED when the key has failed too often within the window. */
async function assertNotThrottled(tx: Queryable, key: ThrottleKey): Promise<void> {
  const { email, ip } = normalised(key);
  const [row] = await tx
    .select({
      failures: sql<number>`count(*)::int`,
      oldest: sql<string | null>`min(${loginAttempts.at})`,
    })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.ip, ip),
        gt(loginAttempts.at, sql`now() - make_interval(mins => ${failureWindowMinutes})`),
      ),
    );
  if ((row?.failures ?? 0) < maxFailures) return;
  const oldest = row?.oldest ? new Date(row.oldest).getTime() : Date.now();
  const retryAfter = Math.max(1, Math.ceil((oldest + failureWindowMinutes * 60_000 - Date.now()) / 1000));
  throw new ApiError(
    429,
    'RATE_LIMITED',
    `Too many failed sign-ins for ${email}; try again in ${Math.ceil(retryAfter / 60)} minutes`,
    undefined,
    { retryAfterSeconds: retryAfter },
  );
}

/** Records one failure, sweeping a few rows of any key that fell out of the window. */
async function recordFailure(tx: Queryable, key: ThrottleKey): Promise<void> {
  const { email, ip } = normalised(key);
  // Keys that are never tried again would keep their rows forever; each failure sweeps a bounded batch of any key's,
  // skipping rows another sweep holds so that parallel failures never wait on each other.
  await tx.execute(
    sql`delete from ${loginAttempts} where ${loginAttempts.id} in (select ${loginAttempts.id} from ${loginAttempts} where ${loginAttempts.at} < now() - make_interval(mins => ${failureWindowMinutes}) limit ${sweepBatch} for update skip locked)`,
  );
  await tx.insert(loginAttempts).values({ id: newId('lga'), email, ip });
}

/** Forgets the key's failures after a successful sign-in. */
export async function clearFailures(tx: Queryable, key: ThrottleKey): Promise<void> {
  const { email, ip } = normalised(key);
  await tx.delete(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip)));
}

/**
 * Counts an attempt as a failure before the password is checked, refusing it with 429 when the key is over the limit.
 * A correct password then clears the key's failures. Reserving first keeps the limit exact under parallel guesses
 * without holding a connection or a lock while argon2 runs.
 */
export async function reserveAttempt(db: Database, key: ThrottleKey): Promise<void> {
  await transaction(db, async (tx) => {
    await lockKey(tx, key);
    await assertNotThrottled(tx, key);
    await recordFailure(tx, key);
  });
}
