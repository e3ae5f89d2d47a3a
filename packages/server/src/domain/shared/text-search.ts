import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/** Case-insensitive "contains" on a text column, with `%`, `_` and `\` in the query taken literally. */
export function containsText(column: AnyColumn, q: string | undefined): SQL | undefined {
  if (q === undefined || q.trim() === '') return undefined;
  const pattern = `%${q.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return sql`${column} ilike ${pattern}`;
}
