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
