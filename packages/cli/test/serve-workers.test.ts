import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/src/db/free-port';
import { runTandem, serveArgs, signUpOn, spawnTandem } from '../../server/test/helpers/cli';

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-workers-'));
// As root the embedded cluster runs as `postgres`, which must reach its directory.
chmodSync(dataDir, 0o755);
const spawned: ChildProcess[] = [];

afterAll(() => {
  for (const child of spawned) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** The pids of the live processes whose parent is `pid`, named `name`. */
function childrenOf(pid: number, name: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid && command === name && fields[0] !== 'Z') found.push(Number(entry));
    } catch {
      // Exited meanwhile.
    }
  }
  return found;
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('tandem serve --workers', () => {
  it('rejects a count of workers that is not a whole number from 1', async () => {
    const result = await runTandem(['serve', '--workers', '0', '--data-dir', dataDir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--workers must be a whole number from 1 to 16, got 0');
  });

  it('starts the database once under its lock, serves from every worker, replaces a dead one and stops them all and the database on SIGTERM', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const primary = spawnTandem([...serveArgs(port, dataDir), '--workers', '2']);
    spawned.push(primary);
    let stderr = '';
    primary.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => primary.once('exit', resolve));
    const primaryPid = primary.pid ?? 0;
    await until('the workers to listen', () => (/\(2 server processes\)/.test(stderr) ? true : undefined));
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    const workers = childrenOf(primaryPid, 'node');
    expect(workers).toHaveLength(2);
    // The primary holds the data directory and runs the one PostgreSQL; the workers only connect to it.
    expect(readFileSync(join(dataDir, 'tandem.lock'), 'utf8').trim()).toBe(String(primaryPid));
    expect(childrenOf(primaryPid, 'postgres')).toHaveLength(1);

    // A write through one worker is read through the others: they share the database.
    const { status, cookie } = await signUpOn(base, 'workers@example.com');
    expect(status).toBe(201);
    for (let i = 0; i < 8; i++) {
      // A new connection each time, so node:cluster hands the requests to the workers in turn.
      const me = await fetch(`${base}/api/auth/me`, { headers: { cookie, connection: 'close' } });
      expect(me.status).toBe(200);
    }

    const [victim] = workers;
    process.kill(victim ?? 0, 'SIGKILL');
    const replaced = await until('a replacement worker', () => {
      const now = childrenOf(primaryPid, 'node');
      return now.length === 2 && !now.includes(victim ?? 0) ? now : undefined;
    });
    await until('the replacement to listen', () => (/starting another/.test(stderr) ? true : undefined));
    for (let i = 0; i < 4; i++) {
      expect((await fetch(`${base}/api/health`, { headers: { connection: 'close' } })).status).toBe(200);
    }

    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of replaced) expect(() => process.kill(pid, 0)).toThrow();
    expect(existsSync(join(dataDir, 'tandem.lock'))).toBe(false);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  });
});
