import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '@tandem/server/server';
import { startServer } from '@tandem/server/server';
import { build } from 'vite';

const webConfig = fileURLToPath(new URL('../../packages/web/vite.config.ts', import.meta.url));

/** A real Tandem server on a fresh embedded database and a free port, serving a freshly built web app. */
export interface Tandem {
  url: string;
  server: RunningServer;
  stop(): Promise<void>;
}

/** The environment variable through which the end-to-end global setup shares the one web build of a run. */
export const sharedWebDistVariable = 'TANDEM_E2E_WEB_DIST';

/** Builds the web app into a temporary folder, so a test never disturbs `packages/web/dist` of a running server. */
export async function buildWeb(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'tandem-web-'));
  await build({
    configFile: webConfig,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  return outDir;
}

/**
 * Starts Tandem the way `tandem serve` does, on a temporary data directory; `stop` removes everything it made.
 * @example const tandem = await startTandem(); await page.goto(tandem.url); await tandem.stop();
 */
export async function startTandem(options: { webDist?: string } = {}): Promise<Tandem> {
  const shared = process.env[sharedWebDistVariable];
  const webDist = options.webDist ?? shared ?? (await buildWeb());
  const ownsWebDist = !options.webDist && !shared;
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-e2e-'));
  // As root, the embedded cluster runs as the `postgres` user, which must reach its directory.
  await chmod(dataDir, 0o755);
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: 'silent',
    config: { webDist },
  });
  return {
    url: server.url,
    server,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
      if (ownsWebDist) await rm(webDist, { recursive: true, force: true });
    },
  };
}
