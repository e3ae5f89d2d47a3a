import { inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema/users';

/** Display names of the users among `ids` who still exist, for the `actor` of audit entries. */
export async function actorNames(db: Database, ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.name]));
}
