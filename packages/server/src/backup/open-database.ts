import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DatabaseRuntimeOptions, resolveDataDir, startDatabase } from '../db/runtime';

/** A database a command-line tool works on, and how to let it go. */
export interface ToolDatabase {
  connectionString: string;
  /** True when the tool attached to the PostgreSQL of a running Tandem server rather than starting its own. */
  attached: boolean;
  close(): Promise<void>;
}

function livePid(path: string): number | undefined {
  if (!existsSync(path)) return undefined;
  const pid = Number.parseInt(readFileSync(path, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

/**
 * Opens the instance's database for a tool such as backup: the external `DATABASE_URL`; or, when a Tandem server is
 * running on the data directory, its embedded PostgreSQL (found through `postmaster.pid`, so a backup needs no
 * downtime); otherwise the embedded PostgreSQL started under the data directory's lock.
 */
export async function openToolDatabase(options: DatabaseRuntimeOptions): Promise<ToolDatabase> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = resolveDataDir(options.dataDir);
    const serverPid = livePid(join(dataDir, 'tandem.lock'));
    const pgDir = join(dataDir, 'postgres');
    const postmaster = join(pgDir, 'postmaster.pid');
    if (serverPid !== undefined && serverPid !== process.pid && livePid(postmaster) !== undefined) {
      // postmaster.pid line 4 is the port the running cluster listens on.
      const port = Number.parseInt(readFileSync(postmaster, 'utf8').split('\n')[3] ?? '', 10);
      const password = readFileSync(join(dataDir, 'pg-password'), 'utf8').trim();
      if (Number.isInteger(port) && port > 0) {
        options.onProgress?.(
          `Using the database of the Tandem server running on ${dataDir} (pid ${serverPid})`,
        );
        return {
          connectionString: `postgres://tandem:${encodeURIComponent(password)}@127.0.0.1:${port}/tandem`,
          attached: true,
          close: async () => {},
        };
      }
    }
  }
  const runtime = await startDatabase(options);
  return { connectionString: runtime.connectionString, attached: false, close: () => runtime.stop() };
}
