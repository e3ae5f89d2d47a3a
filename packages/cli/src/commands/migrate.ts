import { runMigrations } from '@tandem/server/db/migrate';
import { startDatabase } from '@tandem/server/db/runtime';
import { parseArgs } from '../args';
import type { CliCommand } from '../command';
import { databaseOptions } from './database-options';

/** `tandem migrate`: applies pending database migrations and exits. */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'Apply pending database migrations (serve also does this on start)',
  usage: 'tandem migrate [--data-dir ./.tandem] [--database-url postgres://...]',
  async run(args) {
    const database = await startDatabase(databaseOptions(parseArgs(args)));
    try {
      process.stderr.write('Applying database migrations…\n');
      await runMigrations(database.connectionString);
      process.stderr.write('The database is up to date.\n');
      return 0;
    } finally {
      await database.stop();
    }
  },
};
