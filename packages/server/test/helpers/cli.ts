import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureServerBuilt } from '../../../../scripts/ensure-server-built.mjs';

/** Root of the repository, the working directory of spawned `tandem` processes. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * How a spawned `tandem` runs: `executable` is what users run (`packages/cli/bin/tandem.mjs`, the prebuilt bundle, rebuilt
 * first when any of its sources changed, so a stale bundle is never tested), `sources` the TypeScript through tsx as in
 * development, which transpiles the files it loads on every start.
 */
export type TandemEntry = 'executable' | 'sources';

const entryArgs: Record<TandemEntry, readonly string[]> = {
  executable: ['packages/cli/bin/tandem.mjs'],
  sources: ['--import', 'tsx', 'packages/cli/src/main.ts'],
};

/** Starts `tandem ...args` as its own Node process (no wrapper process, so signals reach it directly). */
export function spawnTandem(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  entry: TandemEntry = 'executable',
): ChildProcess {
  return spawn(process.execPath, [...entryArgs[entry], ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `tandem ...args` to completion and returns its status and output. */
export async function runTandem(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  entry: TandemEntry = 'executable',
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  // Builds a changed bundle here, quietly, so the command's own output holds only what the command wrote.
  if (entry === 'executable') await ensureServerBuilt({ quiet: true });
  return new Promise((resolve, reject) => {
    const child = spawnTandem(args, env, entry);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Signs an account up on a running server; returns the reply's status and its cookies as one `Cookie` header. */
export async function signUpOn(base: string, email: string): Promise<{ status: number; cookie: string }> {
  const response = await fetch(`${base}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, name: email.split('@')[0], password: 'correct horse battery' }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  return { status: response.status, cookie };
}

/** The arguments of `tandem serve` on 127.0.0.1:`port` with its own data directory. */
export function serveArgs(port: number, dataDir: string): string[] {
  return ['serve', '--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir];
}
