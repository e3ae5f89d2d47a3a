import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import {
  type BackupHeader,
  type BackupSummary,
  type BackupTrailer,
  backupFormat,
  backupFormatVersion,
  type TableHeader,
} from './backup-format';
import { applicationTables, quoteIdent, type TableInfo } from './database-tables';
import { applyMigrations, committedMigrations, lockMigrations } from './schema-steps';
import { cachedRevisions, renumberRevisions } from './served-revisions';

/** Options of `importBackup`. */
export interface ImportOptions {
  /** Replace the data of a database that already holds some; without it a non-empty database is refused. */
  force?: boolean;
  onTable?: (table: string, rows: number) => void;
}

/** A backup that cannot be restored, with the reason; the database is left as it was. */
export class RestoreError extends Error {
  override name = 'RestoreError';
}

const batchSize = 1000;

function parseLine(line: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch (cause) {
    throw new RestoreError(`Line ${lineNumber} of the backup is not valid JSON`, { cause });
  }
}

function checkHeader(value: unknown): BackupHeader {
  const header = value as Partial<BackupHeader> | null;
  if (typeof header !== 'object' || header === null || header.format !== backupFormat) {
    throw new RestoreError(
      'This file is not a Tandem backup (its first line has no "format": "tandem-backup")',
    );
  }
  if (typeof header.formatVersion !== 'number' || header.formatVersion > backupFormatVersion) {
    throw new RestoreError(
      `The backup has format version ${String(header.formatVersion)}; this Tandem reads up to ${backupFormatVersion}. Upgrade Tandem first.`,
    );
  }
  return header as BackupHeader;
}

/**
 * Restores a backup in one transaction. The schema is rebuilt at the backup's own migration level, the rows are loaded
 * into it, and the later migrations then run over them, so a migration that transforms data (copying a column) also
 * transforms restored data. A database that holds data is refused unless `force`; row counts are checked against the
 * file's trailer; anything wrong rolls everything back.
 */
export async function restoreBackup(
  connectionString: string,
  input: Readable,
  options: ImportOptions = {},
): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  // Rebuilding a schema says "table does not exist, skipping" and the like; they are noise here.
  client.on('notice', () => {});
  try {
    await client.query('begin');
    await lockMigrations(client);
    await client.query(
      'create temporary table restore_rows (table_name text not null, j json not null) on commit drop',
    );
    const { header, tableHeaders, trailer } = await stageRows(client, input);
    const available = committedMigrations().length;
    if (header.migrations > available) {
      throw new RestoreError(
        `The backup comes from a newer schema (${header.migrations} migrations; this Tandem has ${available}). Upgrade Tandem first.`,
      );
    }
    // Checked after reading the file, so a wrong or damaged file is reported as such first.
    const existing = await applicationTables(client);
    const holding = await tablesWithRows(
      client,
      existing.map((table) => table.name),
    );
    if (holding.length > 0 && !options.force) {
      throw new RestoreError(
        `The database is not empty (${holding.join(', ')} hold rows). Restore into an empty database, or pass --force to replace its contents.`,
      );
    }
    // Locked first, so no server's write can draw a sequence number between reading the high waters and the drop.
    if (existing.length > 0) {
      await client.query(
        `lock table ${existing.map((table) => quoteIdent(table.name)).join(', ')} in access exclusive mode`,
      );
    }
    const handedOut = await sequenceHighWaters(client);
    const served = await cachedRevisions(client, existing);
    if (existing.length > 0) {
      await client.query(`drop table ${existing.map((table) => quoteIdent(table.name)).join(', ')} cascade`);
    }
    await client.query('drop table if exists drizzle.__drizzle_migrations');
    await applyMigrations(client, 0, header.migrations);
    const tables = await applicationTables(client);
    checkTables(tableHeaders, tables);
    const summary: BackupSummary = {};
    // The rows are already what the triggers made of them (a backlog revision row, for one): triggers firing again on
    // the insert would add rows the backup also holds. Foreign keys stay checked; they are not user triggers.
    await setUserTriggers(client, 'disable');
    // Insert in dependency order; one statement per table, so rows referring to rows of the same table (a task's
    // parent) are checked at the end of the statement and may come in any order.
    for (const table of tables) {
      const staged = tableHeaders.get(table.name);
      if (!staged) continue;
      const columns = staged.columns.map(quoteIdent).join(', ');
      const picked = staged.columns.map((column) => `p.${quoteIdent(column)}`).join(', ');
      const result = await client.query(
        `insert into ${quoteIdent(table.name)} (${columns})
         select ${picked} from restore_rows r, json_populate_record(null::${quoteIdent(table.name)}, r.j) p
          where r.table_name = $1`,
        [table.name],
      );
      summary[table.name] = result.rowCount ?? 0;
      if (summary[table.name] !== trailer.rows[table.name]) {
        throw new RestoreError(
          `Table ${table.name}: the backup lists ${String(trailer.rows[table.name])} rows but ${summary[table.name]} were read`,
        );
      }
      options.onTable?.(table.name, summary[table.name] ?? 0);
    }
    await setUserTriggers(client, 'enable');
    await applyMigrations(client, header.migrations, available);
    await resetSequences(client, handedOut);
    await renumberRevisions(client, served);
    await client.query('commit');
    return summary;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** Every table of the backup must exist at its schema level, with every column the backup has. */
function checkTables(staged: ReadonlyMap<string, TableHeader>, tables: readonly TableInfo[]): void {
  const known = new Map(tables.map((table) => [table.name, table]));
  for (const table of staged.values()) {
    const target = known.get(table.name);
    if (!target)
      throw new RestoreError(`The backup has a table "${table.name}" its schema version does not have`);
    const missing = table.columns.filter((column) => !target.columns.includes(column));
    if (missing.length > 0) {
      throw new RestoreError(
        `Table ${table.name} in the backup has columns its schema lacks: ${missing.join(', ')}`,
      );
    }
  }
}

/** Restores `file` (gunzipped when it ends in `.gz`); see `restoreBackup`. */
export async function importBackup(
  connectionString: string,
  file: string,
  options: ImportOptions = {},
): Promise<BackupSummary> {
  const raw = createReadStream(file);
  const input = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  try {
    return await restoreBackup(connectionString, input, options);
  } finally {
    raw.destroy();
  }
}

async function tablesWithRows(client: pg.Client, names: readonly string[]): Promise<string[]> {
  const holding: string[] = [];
  for (const name of names) {
    const result = await client.query(`select 1 from ${quoteIdent(name)} limit 1`);
    if ((result.rowCount ?? 0) > 0) holding.push(name);
  }
  return holding;
}

async function stageRows(client: pg.Client, input: Readable) {
  let header: BackupHeader | undefined;
  let trailer: BackupTrailer | undefined;
  const tableHeaders = new Map<string, TableHeader>();
  let currentTable: TableHeader | undefined;
  let batch: string[] = [];
  let lineNumber = 0;
  const flush = async () => {
    if (batch.length === 0 || !currentTable) return;
    await client.query('insert into restore_rows (table_name, j) select $1, unnest($2::json[])', [
      currentTable.name,
      batch,
    ]);
    batch = [];
  };
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    if (trailer) throw new RestoreError(`Line ${lineNumber}: data after the end of the backup`);
    if (!header) {
      header = checkHeader(parseLine(line, lineNumber));
      continue;
    }
    if (line.startsWith('[')) {
      const [kind, body] = parseLine(line, lineNumber) as [string, unknown];
      await flush();
      if (kind === 'end') {
        trailer = body as BackupTrailer;
        continue;
      }
      if (kind !== 'table') throw new RestoreError(`Line ${lineNumber}: unknown record "${String(kind)}"`);
      const table = body as TableHeader;
      if (typeof table?.name !== 'string' || !Array.isArray(table.columns)) {
        throw new RestoreError(`Line ${lineNumber}: a table record without a name and columns`);
      }
      currentTable = table;
      tableHeaders.set(table.name, table);
      continue;
    }
    if (!currentTable) throw new RestoreError(`Line ${lineNumber}: a row before any table`);
    batch.push(line);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  if (!header) throw new RestoreError('The backup file is empty');
  if (!trailer || typeof trailer.rows !== 'object' || trailer.rows === null) {
    throw new RestoreError('The backup is truncated: its closing line is missing');
  }
  return { header, tableHeaders, trailer };
}

/** Turns the user triggers of the application's tables off or back on, inside the restore's transaction. */
async function setUserTriggers(client: pg.Client, state: 'disable' | 'enable'): Promise<void> {
  const triggered = await client.query<{ name: string }>(
    `select distinct c.relname as name
       from pg_trigger t
       join pg_class c on c.oid = t.tgrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and not t.tgisinternal`,
  );
  for (const { name } of triggered.rows)
    await client.query(`alter table ${quoteIdent(name)} ${state} trigger user`);
}

/** The last value each sequence of the replaced database handed out, by name (none for an empty database). */
async function sequenceHighWaters(client: pg.Client): Promise<Map<string, number>> {
  const result = await client.query<{ name: string; last: string | null }>(
    `select sequencename as name, last_value::text as last from pg_sequences where schemaname = 'public'`,
  );
  return new Map(result.rows.map((row) => [row.name, Number(row.last ?? 0)]));
}

/**
 * Moves every sequence past the highest value restored into its column and past every value the replaced database had
 * handed out, so new rows do not collide and no number a running server has seen is handed out again.
 */
async function resetSequences(client: pg.Client, handedOut: Map<string, number>): Promise<void> {
  const owned = await client.query<{ seq: string; tbl: string; col: string }>(
    `select s.relname as seq, t.relname as tbl, a.attname as col
       from pg_class s
       join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i')
       join pg_class t on t.oid = d.refobjid
       join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
       join pg_namespace n on n.oid = s.relnamespace
      where s.relkind = 'S' and n.nspname = 'public'`,
  );
  for (const { seq, tbl, col } of owned.rows) {
    await client.query(
      `select setval('${quoteIdent(seq).replaceAll("'", "''")}', greatest(coalesce((select max(${quoteIdent(col)}) from ${quoteIdent(tbl)}), 0), $1::bigint) + 1, false)`,
      [handedOut.get(seq) ?? 0],
    );
  }
}
