import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/** Case-insensitive "contains" on a text column, with `%`, `_` and `\` in the query taken literally. */
export function containsText(column: AnyColumn, q: string | undefined): SQL | undefined {
  const pattern = containsPattern(q);
  return pattern === undefined ? undefined : sql`${column} ilike ${pattern}`;
}

/** The `ilike` pattern of a "contains" search for `q`, or undefined when `q` is blank. */
export function containsPattern(q: string | undefined): string | undefined {
  if (q === undefined || q.trim() === '') return undefined;
  return `%${q.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
