import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from '../../db/client';

// One statement carries thousands of rows as a single JSON parameter; PostgreSQL unpacks them itself.
const ROWS_PER_STATEMENT = 5000;

/**
 * Inserts many rows in a few statements: each batch is one JSON document that `json_populate_recordset` turns into
 * rows of the table, so neither the bind-parameter limit nor building thousands of parameters slows a large import.
 * Columns no row sets keep their defaults.
 * @example await bulkInsert(tx, tasks, rows, (done) => report(done / rows.length));
 */
export async function bulkInsert<T extends PgTable>(
  tx: Transaction,
  table: T,
  rows: readonly T['$inferInsert'][],
  progress?: (done: number) => Promise<void> | void,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row as object)))].filter(
    (key) => columns[key] !== undefined,
  );
  const names = keys.map((key) => (columns[key] as { name: string }).name);
  const list: SQL = sql.raw(names.map((name) => `"${name}"`).join(', '));
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => {
      const record: Record<string, unknown> = {};
      keys.forEach((key, index) => {
        record[names[index] as string] = (row as Record<string, unknown>)[key] ?? null;
      });
      return record;
    });
    await tx.execute(
      sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${JSON.stringify(batch)}::json)`,
    );
    await progress?.(Math.min(rows.length, start + ROWS_PER_STATEMENT));
  }
}
