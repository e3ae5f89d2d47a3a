import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createDatabaseClient, type DatabaseClient, warmPool } from './db/client';
import { runMigrations } from './db/migrate';
import { type DatabaseKind, type DatabaseRuntime, startDatabase } from './db/runtime';
import { createApp } from './http/app';
import type { App, AppConfig, AppDeps, RegisterRoutes } from './http/context';
import { features as defaultFeatures } from './http/features';
import { jsonLogger, type Logger, type LogLevel, logLevelFrom } from './http/logger';
import { createChangeHub } from './realtime/change-hub';

/** Options for `startServer`; every one has a default suited to `tandem serve`. */
export interface ServerOptions {
  /** HTTP port; 0 picks a free one. Default `PORT` or 3000. */
  port?: number;
  host?: string;
  /** Data directory of the embedded database (`TANDEM_DATA_DIR`, default `./.tandem`). */
  dataDir?: string;
  /** An external PostgreSQL instead of the embedded one (`DATABASE_URL`). */
  databaseUrl?: string;
  /**
   * A database another process runs and has migrated (the primary of `tandem serve --workers N`): used as it is,
   * neither migrated nor stopped here.
   */
  attachTo?: { kind: DatabaseKind; connectionString: string };
  logLevel?: LogLevel;
  /**
   * Most connections the pool opens (20 by default; `tandem serve --workers N` shares that among its processes); up to
   * ten of them are opened as the server starts and kept open.
   */
  poolSize?: number;
  logger?: Logger;
  /** Route modules to mount; the full set by default. */
  features?: readonly RegisterRoutes[];
  /** Overrides of the configuration (public URL, web bundle, body limit). */
  config?: Partial<AppConfig>;
  /** Called with human-readable progress while the database starts. */
  onProgress?: (message: string) => void;
}

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  app: App;
  deps: AppDeps;
  database: DatabaseRuntime;
  /** Stops accepting requests, closes connections and stops the embedded database; idempotent. */
  stop(): Promise<void>;
}

/** Tandem's version, reported by `/api/health` and the OpenAPI document. */
export const version = '0.1.0';

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
const defaultPoolSize = 20;
/**
 * Connections a server opens as it starts and keeps however long they idle: as many as ten concurrent clients use, so
 * their first burst of writes does not wait on new PostgreSQL backends (`npm run bench:plan` prints that burst apart).
 */
const warmPoolSize = 10;

/**
 * Starts the database (embedded or external), migrates it, and serves the API and web app.
 * @example const server = await startServer({ port: 0, dataDir: '/tmp/t' }); ...; await server.stop();
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? jsonLogger(options.logLevel ?? logLevelFrom(process.env.TANDEM_LOG_LEVEL));
  const runtimeOptions: Parameters<typeof startDatabase>[0] = {};
  if (options.dataDir !== undefined) runtimeOptions.dataDir = options.dataDir;
  if (options.databaseUrl !== undefined) runtimeOptions.databaseUrl = options.databaseUrl;
  if (options.onProgress) runtimeOptions.onProgress = options.onProgress;
  const database: DatabaseRuntime = options.attachTo
    ? { ...options.attachTo, lock: undefined, stop: async () => {} }
    : await startDatabase(runtimeOptions);
  let client: DatabaseClient | undefined;
  try {
    if (!options.attachTo) {
      options.onProgress?.('Applying database migrations…');
      await runMigrations(database.connectionString);
    }
    const poolSize = options.poolSize ?? defaultPoolSize;
    const warmConnections = Math.min(poolSize, warmPoolSize);
    client = createDatabaseClient({
      connectionString: database.connectionString,
      max: poolSize,
      min: warmConnections,
      onError: (error) => logger.error({ msg: 'idle database connection failed', error: error.message }),
    });
    await warmPool(client.pool, warmConnections);
    const changes = createChangeHub(database.connectionString, logger);
    const port = options.port ?? Number.parseInt(process.env.PORT ?? '3000', 10);
    const host = options.host ?? '0.0.0.0';
    const config: AppConfig = {
      version,
      publicUrl: process.env.TANDEM_PUBLIC_URL ?? '',
      webDist: defaultWebDist,
      bodyLimitBytes: 1024 * 1024,
      smtpUrl: process.env.SMTP_URL,
      ...options.config,
    };
    const deps: AppDeps = {
      db: client.db,
      pool: client.pool,
      databaseKind: database.kind,
      logger,
      changes,
      config,
    };
    const app = createApp(deps, options.features ?? defaultFeatures);
    const server = serve({ fetch: app.fetch, port, hostname: host });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', () => resolve());
      server.once('error', reject);
    });
    const actualPort = (server.address() as AddressInfo).port;
    const url = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${actualPort}`;
    if (!config.publicUrl) config.publicUrl = url;
    await changes.ready();
    let stopping: Promise<void> | undefined;
    const dbClient = client;
    return {
      url,
      port: actualPort,
      app,
      deps,
      database,
      stop() {
        stopping ??= (async () => {
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            // Server-Sent Event streams never end on their own; cut them so close() can finish.
            if ('closeAllConnections' in server) server.closeAllConnections();
          });
          await changes.close();
          await dbClient.close();
          await database.stop();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await client?.close();
    await database.stop();
    throw error;
  }
}
