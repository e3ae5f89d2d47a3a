import { type RunningServer, type ServerOptions, startServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './database';

/** A server on a random port over a fresh database, with a small JSON client. */
export interface TestServer {
  url: string;
  server: RunningServer;
  database: TestDatabase;
  /** Sends a request to the server; a body object is sent as JSON. */
  request(
    method: string,
    path: string,
    init?: { body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Stops the server and drops its database. */
  close(): Promise<void>;
}

/** Starts the app on 127.0.0.1 and a random port over a new database (or over `database` when given). */
export async function startTestServer(
  options: Omit<ServerOptions, 'databaseUrl' | 'dataDir'> & { database?: TestDatabase } = {},
): Promise<TestServer> {
  const { database: given, ...rest } = options;
  const database = given ?? (await createTestDatabase());
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    ...rest,
    databaseUrl: database.url,
  });
  return {
    url: server.url,
    server,
    database,
    request(method, path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      let body: string | undefined;
      if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      }
      return fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    },
    async close() {
      await server.stop();
      if (!given) await database.drop();
    },
  };
}
