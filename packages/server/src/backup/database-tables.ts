import type pg from 'pg';

/** A table of the application schema, with its columns in order. */
export interface TableInfo {
  name: string;
  columns: string[];
}

/**
 * Every table of the `public` schema, ordered so that a table comes after the tables its foreign keys point to
 * (self-references aside), which is the order restore must insert in.
 */
export async function applicationTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const columns = await client.query<{ table_name: string; column_name: string }>(
    `select c.table_name, c.column_name
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and c.is_generated = 'NEVER'
      order by c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const row of columns.rows) {
    const list = byTable.get(row.table_name) ?? [];
    list.push(row.column_name);
    byTable.set(row.table_name, list);
  }
  const references = await client.query<{ child: string; parent: string }>(
    `select distinct cl.relname as child, pcl.relname as parent
       from pg_constraint con
       join pg_class cl on cl.oid = con.conrelid
       join pg_class pcl on pcl.oid = con.confrelid
       join pg_namespace n on n.oid = cl.relnamespace
      where con.contype = 'f' and n.nspname = 'public' and cl.relname <> pcl.relname`,
  );
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of references.rows) {
    const set = parents.get(child) ?? new Set<string>();
    set.add(parent);
    parents.set(child, set);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (placed.has(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const parent of parents.get(name) ?? []) if (byTable.has(parent)) visit(parent);
    visiting.delete(name);
    placed.add(name);
    ordered.push(name);
  };
  for (const name of [...byTable.keys()].sort()) visit(name);
  return ordered.map((name) => ({ name, columns: byTable.get(name) ?? [] }));
}

/** Number of schema migrations applied to the database (0 before the first). */
export async function appliedMigrations(client: pg.ClientBase): Promise<number> {
  const exists = await client.query(`select to_regclass('drizzle.__drizzle_migrations') as t`);
  if (exists.rows[0]?.t === null) return 0;
  const result = await client.query<{ n: number }>(
    'select count(*)::int as n from drizzle.__drizzle_migrations',
  );
  return result.rows[0]?.n ?? 0;
}

/** Quotes an identifier for SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
