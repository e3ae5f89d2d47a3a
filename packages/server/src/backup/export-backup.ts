import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import {
  type BackupHeader,
  type BackupSummary,
  type BackupTrailer,
  backupFormat,
  backupFormatVersion,
  type TableHeader,
} from './backup-format';
import { applicationTables, appliedMigrations, quoteIdent } from './database-tables';

/** Options of `exportBackup`. */
export interface ExportOptions {
  tandemVersion: string;
  /** Called after each table with its name and row count, for progress output. */
  onTable?: (table: string, rows: number) => void;
}

const batchSize = 2000;

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

/**
 * Writes every table of the database to `out` from one REPEATABLE READ, read-only transaction, so the backup is one
 * consistent snapshot even while the server keeps writing.
 */
export async function writeBackup(
  connectionString: string,
  out: Writable,
  options: ExportOptions,
): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const summary: BackupSummary = {};
  try {
    await client.query('begin isolation level repeatable read read only');
    const header: BackupHeader = {
      format: backupFormat,
      formatVersion: backupFormatVersion,
      tandemVersion: options.tandemVersion,
      createdAt: new Date().toISOString(),
      migrations: await appliedMigrations(client),
    };
    await write(out, `${JSON.stringify(header)}\n`);
    for (const table of await applicationTables(client)) {
      const tableHeader: TableHeader = { name: table.name, columns: table.columns };
      await write(out, `${JSON.stringify(['table', tableHeader])}\n`);
      // A server-side cursor keeps memory flat however large the table is.
      await client.query(
        `declare backup_rows no scroll cursor for select row_to_json(t)::text as j from ${quoteIdent(table.name)} t`,
      );
      let count = 0;
      for (;;) {
        const batch = await client.query<{ j: string }>(`fetch ${batchSize} from backup_rows`);
        if (batch.rows.length === 0) break;
        await write(out, `${batch.rows.map((row) => row.j).join('\n')}\n`);
        count += batch.rows.length;
      }
      await client.query('close backup_rows');
      summary[table.name] = count;
      options.onTable?.(table.name, count);
    }
    const trailer: BackupTrailer = { rows: summary };
    await write(out, `${JSON.stringify(['end', trailer])}\n`);
    await client.query('commit');
    return summary;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Backs the database up into `file` (gzip-compressed when it ends in `.gz`), written beside it first and renamed into
 * place, so a failed backup never leaves a half file under the requested name.
 * @example await exportBackup(url, 'tandem-2026-01-31.jsonl.gz', { tandemVersion: version });
 */
export async function exportBackup(
  connectionString: string,
  file: string,
  options: ExportOptions,
): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const fileStream = createWriteStream(partial, { mode: 0o600 });
  const gzip = file.endsWith('.gz') ? createGzip() : undefined;
  if (gzip) gzip.pipe(fileStream);
  const out: Writable = gzip ?? fileStream;
  try {
    const summary = await writeBackup(connectionString, out, options);
    out.end();
    await finished(fileStream);
    await rename(partial, file);
    return summary;
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
