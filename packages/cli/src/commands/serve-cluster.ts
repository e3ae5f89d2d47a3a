import cluster, { type Worker } from 'node:cluster';
import { createDatabaseClient, type Database } from '@tandem/server/db/client';
import { runMigrations } from '@tandem/server/db/migrate';
import { type DatabaseKind, startDatabase } from '@tandem/server/db/runtime';

// How the primary tells its workers which database to use; they never start, migrate or stop it themselves.
const urlVariable = 'TANDEM_CLUSTER_DATABASE_URL';
const kindVariable = 'TANDEM_CLUSTER_DATABASE_KIND';

// A worker that has not stopped this long after SIGTERM (an SSE stream that will not close) is killed.
const workerStopMs = 30_000;

// One pool of this many connections is what a single process opens; the workers share it out between them.
const connectionsPerServer = 20;

/** Where the workers listen and how many there are. */
export interface ClusterOptions {
  workers: number;
  port: number;
  host?: string;
  dataDir?: string;
  /** Run once every worker listens, with a database handle of the primary's and the URL served. */
  onListening(db: Database, url: string): Promise<void>;
}

interface ListeningMessage {
  type: 'tandem:listening';
  url: string;
}

function isListening(message: unknown): message is ListeningMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'tandem:listening'
  );
}

/** True in a process forked by `runClusterPrimary`. */
export function isClusterWorker(): boolean {
  return cluster.isWorker && process.env[urlVariable] !== undefined;
}

function poolSizeOf(workers: number): number {
  return Math.max(4, Math.ceil(connectionsPerServer / workers));
}

/**
 * `tandem serve --workers N`: this process starts the database (the embedded one behind its lock, or `DATABASE_URL`),
 * migrates it once, and forks N server processes that share the HTTP port (node:cluster hands them the connections in
 * turn) and the database, as several Tandem servers behind a load balancer do. A worker that dies is replaced. SIGINT
 * or SIGTERM stops every worker (each drains its requests), then the database. Resolves with the exit status when a
 * worker could not start.
 */
export async function runClusterPrimary(options: ClusterOptions): Promise<number> {
  const progress = (message: string) => process.stderr.write(`${message}\n`);
  const database = await startDatabase({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    onProgress: progress,
  });
  const workers = new Set<Worker>();
  let stopping: Promise<void> | undefined;

  const stopAll = (): Promise<void> => {
    stopping ??= (async () => {
      await Promise.all(
        [...workers].map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.process.exitCode !== null || worker.process.signalCode !== null) return resolve();
              const timer = setTimeout(() => worker.process.kill('SIGKILL'), workerStopMs);
              worker.process.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              worker.process.kill('SIGTERM');
            }),
        ),
      );
      await database.stop();
    })();
    return stopping;
  };

  const onSignal = (signal: string) => {
    if (stopping) return;
    progress(`Received ${signal}; stopping ${workers.size} server processes…`);
    stopAll().then(
      () => process.exit(0),
      (error: unknown) => {
        progress(`Stopping failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  const env = {
    [urlVariable]: database.connectionString,
    [kindVariable]: database.kind,
  };
  const fork = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork(env);
      workers.add(worker);
      let listening = false;
      worker.on('message', (message: unknown) => {
        if (!isListening(message)) return;
        listening = true;
        resolve(message.url);
      });
      worker.once('exit', (code, signal) => {
        workers.delete(worker);
        const how = signal ?? `status ${code}`;
        if (!listening) {
          reject(
            new Error(`A server process (pid ${worker.process.pid}) exited with ${how} before it listened`),
          );
          return;
        }
        if (stopping) return;
        progress(`Server process ${worker.process.pid} exited with ${how}; starting another…`);
        fork().catch((error: unknown) => {
          progress(`${error instanceof Error ? error.message : String(error)}; stopping.`);
          stopAll().then(() => process.exit(1));
        });
      });
    });

  let url: string;
  try {
    progress('Applying database migrations…');
    await runMigrations(database.connectionString);
    const urls = await Promise.all(Array.from({ length: options.workers }, fork));
    url = urls[0] ?? '';
  } catch (error) {
    await stopAll();
    throw error;
  }

  progress(`Tandem is listening on ${url} (${options.workers} server processes)`);
  const client = createDatabaseClient({ connectionString: database.connectionString, max: 1 });
  try {
    await options.onListening(client.db, url);
  } finally {
    await client.close();
  }
  // Runs until a signal: the workers' IPC channels keep the event loop alive.
  return new Promise<number>(() => {});
}

/**
 * One server process of `runClusterPrimary`: serves on the shared port with the primary's database, and stops (after
 * draining) on SIGINT, SIGTERM or when the primary goes away.
 */
export async function runClusterWorker(options: {
  workers: number;
  port: number;
  host?: string;
}): Promise<number> {
  const connectionString = process.env[urlVariable] ?? '';
  const kind: DatabaseKind = process.env[kindVariable] === 'external' ? 'external' : 'embedded';
  const { startServer } = await import('@tandem/server/server');
  const server = await startServer({
    port: options.port,
    ...(options.host === undefined ? {} : { host: options.host }),
    attachTo: { kind, connectionString },
    poolSize: poolSizeOf(options.workers),
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Stopping failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // The primary died without stopping this process (SIGKILL): nothing would ever stop it.
  process.on('disconnect', stop);
  process.send?.({ type: 'tandem:listening', url: server.url } satisfies ListeningMessage);
  return new Promise<number>(() => {});
}
