import { openToolDatabase } from '@tandem/server/backup/open-database';
import { onePositional, parseArgs } from '../args';
import type { CliCommand } from '../command';
import { databaseOptions } from './database-options';

/** `tandem restore FILE`: loads a backup into an empty database (or replaces the data with `--force`). */
export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Load a backup FILE into an empty database (--force replaces existing data)',
  usage: 'tandem restore FILE [--force] [--data-dir ./.tandem] [--database-url postgres://...]',
  async run(args) {
    const parsed = parseArgs(args, ['force']);
    const file = onePositional(parsed, 'Give exactly one backup file to restore');
    const database = await openToolDatabase(databaseOptions(parsed));
    if (database.attached) {
      await database.close();
      process.stderr.write(
        'A Tandem server is running on this data directory. Stop it first: a restore replaces the whole database.\n',
      );
      return 1;
    }
    try {
      const { importBackup } = await import('@tandem/server/backup/import-backup');
      const summary = await importBackup(database.connectionString, file, {
        force: parsed.flags.get('force') === true,
        onTable: (table, rows) => process.stderr.write(`  ${table}: ${rows} rows\n`),
      });
      const total = Object.values(summary).reduce((sum, rows) => sum + rows, 0);
      process.stdout.write(
        `Restored ${total} rows into ${Object.keys(summary).length} tables from ${file}\n`,
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
