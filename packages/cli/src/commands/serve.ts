import { needsOwner } from '@tandem/server/accounts/account-service';
import { loadDemo } from '@tandem/server/demo/load-demo';
import { startServer } from '@tandem/server/server';
import { parseArgs, stringFlag, UsageError } from '../args';
import type { CliCommand } from '../command';
import { demoSignInText } from './demo';

/** `tandem serve`: runs the server until SIGINT or SIGTERM. */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Run the Tandem server (the default command)',
  usage: 'tandem serve [--port 3000] [--host 0.0.0.0] [--data-dir ./.tandem] [--demo]',
  async run(args) {
    const parsed = parseArgs(args, ['demo']);
    const portText = stringFlag(parsed, 'port') ?? process.env.PORT ?? '3000';
    const port = Number.parseInt(portText, 10);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be 0..65535, got ${portText}`);
    const options: Parameters<typeof startServer>[0] = {
      port,
      onProgress: (message) => process.stderr.write(`${message}\n`),
    };
    const host = stringFlag(parsed, 'host');
    if (host) options.host = host;
    const dataDir = stringFlag(parsed, 'data-dir');
    if (dataDir) options.dataDir = dataDir;
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
    if (parsed.flags.get('demo') === true) {
      process.stderr.write(demoSignInText(await loadDemo(server.deps.db), server.url));
    } else if (await needsOwner(server.deps.db)) {
      process.stderr.write(
        `No account exists yet. Create the first one (it owns this server):\n` +
          `  - sign up at ${server.url}, or\n` +
          `  - run: npm run tandem -- create-admin --email you@example.com --name "Your Name"\n` +
          `Or look around first with the demo workspace: npm start -- --demo\n`,
      );
    }
    // Runs until a signal: the HTTP server keeps the event loop alive.
    return new Promise<number>(() => {});
  },
};
