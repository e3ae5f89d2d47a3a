import type { Database } from '@tandem/server/db/client';
import type { ServerOptions } from '@tandem/server/server';
import { parseArgs, stringFlag, UsageError } from '../args';
import type { CliCommand } from '../command';
import { demoSignInText } from './demo';
import { isClusterWorker, runClusterPrimary, runClusterWorker } from './serve-cluster';

// Each process opens at least 4 pooled connections and 1 for live updates: 16 of them stay well inside the 100
// connections PostgreSQL allows by default.
const maxWorkers = 16;

/** What a first start prints once listening: the demo's accounts, or how to create the first account. */
async function announce(db: Database, url: string, demo: boolean): Promise<void> {
  if (demo) {
    const { loadDemo } = await import('@tandem/server/demo/load-demo');
    process.stderr.write(demoSignInText(await loadDemo(db), url));
  } else if (await (await import('@tandem/server/accounts/account-service')).needsOwner(db)) {
    process.stderr.write(
      `No account exists yet. Create the first one (it owns this server):\n` +
        `  - sign up at ${url}, or\n` +
        `  - run: npm run tandem -- create-admin --email you@example.com --name "Your Name"\n` +
        `Or look around first with the demo workspace: npm start -- --demo\n`,
    );
  }
}

/** `tandem serve`: runs the server until SIGINT or SIGTERM. */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Run the Tandem server (the default command)',
  usage: 'tandem serve [--port 3000] [--host 0.0.0.0] [--data-dir ./.tandem] [--workers 1] [--demo]',
  async run(args) {
    const parsed = parseArgs(args, ['demo']);
    const portText = stringFlag(parsed, 'port') ?? process.env.PORT ?? '3000';
    const port = Number.parseInt(portText, 10);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be 0..65535, got ${portText}`);
    const workersText = stringFlag(parsed, 'workers') ?? '1';
    const workers = Number(workersText);
    if (!Number.isInteger(workers) || workers < 1 || workers > maxWorkers)
      throw new UsageError(`--workers must be a whole number from 1 to ${maxWorkers}, got ${workersText}`);
    const host = stringFlag(parsed, 'host');
    const dataDir = stringFlag(parsed, 'data-dir');
    const demo = parsed.flags.get('demo') === true;
    if (isClusterWorker()) return runClusterWorker({ workers, port, ...(host ? { host } : {}) });
    if (workers > 1) {
      return runClusterPrimary({
        workers,
        port,
        ...(host ? { host } : {}),
        ...(dataDir ? { dataDir } : {}),
        onListening: (db, url) => announce(db, url, demo),
      });
    }
    const options: ServerOptions = {
      port,
      onProgress: (message) => process.stderr.write(`${message}\n`),
    };
    if (host) options.host = host;
    if (dataDir) options.dataDir = dataDir;
    const { startServer } = await import('@tandem/server/server');
    const server = await startServer(options);
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`Received ${signal}; stopping…\n`);
      server.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`Stopping failed: ${String(error)}\n`);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.stderr.write(`Tandem is listening on ${server.url}\n`);
    await announce(server.deps.db, server.url, demo);
    // Runs until a signal: the HTTP server keeps the event loop alive.
    return new Promise<number>(() => {});
  },
};
