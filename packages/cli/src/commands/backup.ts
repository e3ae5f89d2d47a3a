import { openToolDatabase } from '@tandem/server/backup/open-database';
import { onePositional, parseArgs } from '../args';
import type { CliCommand } from '../command';
import { databaseOptions } from './database-options';

/** `tandem backup FILE`: writes the whole database to one consistent file. */
export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Write the whole database to FILE (one consistent snapshot; .gz to compress)',
  usage: 'tandem backup FILE [--data-dir ./.tandem] [--database-url postgres://...]',
  async run(args) {
    const parsed = parseArgs(args);
    const file = onePositional(parsed, 'Give exactly one file to write the backup to');
    const database = await openToolDatabase(databaseOptions(parsed));
    try {
      const { exportBackup } = await import('@tandem/server/backup/export-backup');
      const { version } = await import('@tandem/server/server');
      const summary = await exportBackup(database.connectionString, file, {
        tandemVersion: version,
        onTable: (table, rows) => process.stderr.write(`  ${table}: ${rows} rows\n`),
      });
      const total = Object.values(summary).reduce((sum, rows) => sum + rows, 0);
      process.stdout.write(`Backed up ${total} rows from ${Object.keys(summary).length} tables to ${file}\n`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
