import { openToolDatabase } from '@tandem/server/backup/open-database';
import { createDatabaseClient, type Database } from '@tandem/server/db/client';
import { runMigrations } from '@tandem/server/db/migrate';
import type { DatabaseRuntimeOptions } from '@tandem/server/db/runtime';
import { type ParsedArgs, stringFlag } from '../args';

/** Database options shared by every command that opens the instance: `--data-dir` and `--database-url`. */
export function databaseOptions(parsed: ParsedArgs): DatabaseRuntimeOptions {
  const options: DatabaseRuntimeOptions = { onProgress: (message) => process.stderr.write(`${message}\n`) };
  const dataDir = stringFlag(parsed, 'data-dir');
  if (dataDir) options.dataDir = dataDir;
  const databaseUrl = stringFlag(parsed, 'database-url');
  if (databaseUrl) options.databaseUrl = databaseUrl;
  return options;
}

/** Opens the instance's database, applies pending migrations, runs `work` on it and closes everything again. */
export async function withMigratedDatabase<T>(
  parsed: ParsedArgs,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  const database = await openToolDatabase(databaseOptions(parsed));
  const client = createDatabaseClient({ connectionString: database.connectionString, max: 2 });
  try {
    await runMigrations(database.connectionString);
    return await work(client.db);
  } finally {
    await client.close();
    await database.close();
  }
}
