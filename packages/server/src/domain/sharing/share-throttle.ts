import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { newId } from '../../db/ids';
import { loginAttempts } from '../../db/schema/login-attempts';
import { ApiError } from '../../http/errors';

// Unknown tokens are counted per client address in the sign-in failures table (under a key no email can take), so
// that every server sharing the database counts the same guesses and the sign-in sweep clears them.
const throttleKey = 'share-link:';
const maxFailures = 30;
const windowMinutes = 15;

/** Throws 429 RATE_LIMITED when the address opened too many unknown or revoked links within the window. */
export async function assertShareNotThrottled(db: Database, ip: string): Promise<void> {
  const [row] = await db
    .select({ failures: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, throttleKey),
        eq(loginAttempts.ip, ip),
        gt(loginAttempts.at, sql`now() - make_interval(mins => ${windowMinutes})`),
      ),
    );
  if ((row?.failures ?? 0) < maxFailures) return;
  throw new ApiError(
    429,
    'RATE_LIMITED',
    `Too many unknown links opened from this address; try again in ${windowMinutes} minutes`,
    undefined,
    { retryAfterSeconds: windowMinutes * 60 },
  );
}

/** Counts one unknown or revoked token opened from the address. */
export async function recordShareFailure(db: Database, ip: string): Promise<void> {
  await db.insert(loginAttempts).values({ id: newId('lga'), email: throttleKey, ip });
}
