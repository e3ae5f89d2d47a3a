/**
 * Project control figures on a 10,000-task project with an assignment on every leaf and 50,000 time entries, on the
 * embedded PostgreSQL with the measured server in a process of its own: earned value and the project dashboard over
 * HTTP, each read 100 times after one warm-up read. Prints figures only. Add a line per control read here, seeding
 * through `control-seed.ts`.
 * Run: npm run bench:control
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../packages/server/src/server';
import { measureChangeImpact } from './change-impact-measure';
import { seedControlProject } from './control-seed';

const reads = 100;

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-control-bench-'));
// The embedded PostgreSQL runs as its own user when Tandem runs as root: it must reach the directory.
chmodSync(dataDir, 0o755);
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' });

/** Starts `tandem serve` over the same database in a process of its own, so the bench's client does not share its loop. */
async function serveApart(): Promise<{ child: ChildProcess; base: string }> {
  const port = 4010 + Math.floor(Math.random() * 50);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'packages/cli/src/main.ts', 'serve', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: new URL('..', import.meta.url).pathname,
      env: { ...process.env, DATABASE_URL: server.database.connectionString, TANDEM_LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 120_000; waited += 50) {
    if (child.exitCode !== null) throw new Error(`tandem serve exited early:\n${stderr}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('tandem serve did not answer /api/health');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Times `count` sequential GETs of `path` after one warm-up read, which is timed apart (the cold read). */
async function timeReads(base: string, path: string, token: string, count: number) {
  const get = async () => {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await response.text();
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    return performance.now() - started;
  };
  const cold = await get();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(await get());
  samples.sort((a, b) => a - b);
  return { cold, p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

const line = (label: string, figures: { cold: number; p50: number; p99: number }) =>
  `${label} 10000 tasks 50000 entries: p50 ${figures.p50.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms (first read ${figures.cold.toFixed(0)} ms)`;

let apart: ChildProcess | undefined;
try {
  const world = await seedControlProject(server.url, server.deps.pool);
  const served = await serveApart();
  apart = served.child;
  const evm = await timeReads(served.base, `/api/projects/${world.projectId}/evm`, world.token, reads);
  const dashboard = await timeReads(
    served.base,
    `/api/projects/${world.projectId}/dashboard`,
    world.token,
    reads,
  );
  console.log(line('evm', evm));
  console.log(line('dashboard', dashboard));
  console.log(await measureChangeImpact(served.base, world.token, world.projectId, world.leaves));
} finally {
  if (apart && apart.exitCode === null) {
    const exited = new Promise((resolve) => apart?.once('exit', resolve));
    apart.kill('SIGTERM');
    await exited;
  }
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
