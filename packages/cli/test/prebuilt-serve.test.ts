import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/src/db/free-port';
import { repoRoot, serveArgs, signUpOn } from '../../server/test/helpers/cli';

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-prebuilt-'));
// As root the embedded cluster runs as `postgres`, which must reach its directory.
chmodSync(dataDir, 0o755);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the tandem command', () => {
  it('runs the prebuilt bundle: it migrates, serves the API and stops cleanly on SIGTERM, releasing the lock', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // The executable `npm start` and `npm run tandem` run; it builds the bundle first when a source changed.
    const child = spawn(process.execPath, ['packages/cli/bin/tandem.mjs', ...serveArgs(port, dataDir)], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const deadline = Date.now() + 90_000;
      for (;;) {
        if (child.exitCode !== null)
          throw new Error(`tandem serve exited with ${child.exitCode}:\n${stderr}`);
        const health = await fetch(`${base}/api/health`).catch(() => undefined);
        if (health?.status === 200) break;
        if (Date.now() > deadline) throw new Error(`no 200 from /api/health:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // The migrations folder, found through the bundled module's own URL, was applied: an account can be made.
      const signup = await signUpOn(base, 'bundle@example.com');
      expect(signup.status).toBe(201);
      const document = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: object };
      expect(Object.keys(document.paths)).toContain('/api/workspaces/{workspaceId}/products');
      expect(existsSync(join(dataDir, 'tandem.lock'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, 'tandem.lock'))).toBe(false);
    expect(stderr).not.toMatch(/"level":"error"/);
  });
});
