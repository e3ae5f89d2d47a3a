/**
 * Plan API figures on a 10,000-task project with about 15,000 links, on the embedded PostgreSQL: the latency of a
 * task PATCH (duration) under 10 concurrent clients, rescheduling included, the PATCH + GET schedule round trip, and
 * a cold and a warm read of the whole plan. Prints figures only, with the CPU per PATCH and where the PATCHes'
 * transactions waited (`plan-load-probe.ts`), which a shared machine disturbs less than the wall clock.
 * Run: npm run bench:plan
 *
 * Figures, 10 clients PATCHing one plan (2-core machine):
 * - before (the revision bump, the plan's row lock, was the last statement; the commit went out once this process
 *   read its reply): quiet machine p50 48.7 ms, p99 145.1 ms (1 client p50 10.6, p99 29.8). Shared machine (load
 *   9–15), three runs: p50 198 / 248 / 147 ms, p99 779 / 780 / 749 ms; in-transaction time waiting on a lock
 *   43% / 49% / 51%; CPU per PATCH: server 7.1 / 6.7 / 6.3 ms, PostgreSQL 4.0 / 3.9 / 3.5 ms.
 * - after, interleaved with those runs: the bump and the commit in one round trip (runs 1, 2), then also no empty
 *   commit after it and one transaction handle per connection (run 3): p50 226 / 192 / 84 ms, p99 777 / 350 /
 *   221 ms; waiting on a lock 2% / 4% / 2%; CPU per PATCH: server 6.7 / 6.0 / 4.8 ms, PostgreSQL 3.8 / 3.4 /
 *   2.7 ms. Under load the rest is this process's CPU (six round trips to PostgreSQL, the HTTP exchange, the
 *   incremental reschedule of about 1.7 ms): 10 clients wait for about 10 × that.
 * - 2026-11-24, quiet machine (load 1-2), runs side by side:
 *   before (a7a7f6d): p50 58.4 ms, p99 132.3 ms; CPU per PATCH server 5.35 ms, PostgreSQL 2.57 ms.
 *   the task and the caller's roles in one statement, a named update per set of columns (4176dea): p50 47-50 ms,
 *     p99 141-198 ms (CPU 4.3-4.5 + 2.2-2.3 ms).
 *   and the reschedule batched, 50 ms after the writes of a burst (the incremental scheduler recomputes one cone
 *     for every edit since its last schedule): p50 31.8 / 32.1 ms, p99 60.8 / 63.8 ms (CPU 2.57-2.72 + 1.52-1.60
 *     ms). The slowest writes were the first of the 10-client burst (the pool opening connections and preparing its
 *     statements on each): they are measured apart since, first 100: p99 96.9 / 131.3 ms.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../packages/server/src/db/ids';
import { startServer } from '../packages/server/src/server';
import { costLine, probeLoad } from './plan-load-probe';
import { seededRandom } from './seeded-random';

const phases = 500;
const perPhase = 19;
const streams = 20;
const clients = 10;
const patchesPerClient = 60;
const warmUpPerClient = 10;

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-plan-bench-'));
// The embedded PostgreSQL runs as its own user when Tandem runs as root: it must reach the directory.
chmodSync(dataDir, 0o755);
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' });
// Seeding talks to this in-process server; the measured server runs in a process of its own (below), so the
// clients' work does not share its event loop.
let base = server.url;

/** What the measured server wrote to stderr, printed when the benchmark fails. */
let apartErrors = '';

async function serveApart(): Promise<ChildProcess> {
  const port = 3990 + Math.floor(Math.random() * 9);
  // PLAN_BENCH_CPU_PROFILE=<dir> writes the measured server's CPU profile there when it stops, to see where time goes.
  const profile = process.env.PLAN_BENCH_CPU_PROFILE;
  const child = spawn(
    process.execPath,
    [
      ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : []),
      '--import',
      'tsx',
      'packages/cli/src/main.ts',
      'serve',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: new URL('..', import.meta.url).pathname,
      env: { ...process.env, DATABASE_URL: server.database.connectionString, TANDEM_LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  child.stderr?.on('data', (chunk: Buffer) => {
    apartErrors += chunk.toString();
  });
  base = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 120_000; waited += 50) {
    if (child.exitCode !== null) throw new Error(`tandem serve exited early:\n${apartErrors}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('tandem serve did not answer /api/health');
}

async function call(
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const send = () =>
    fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  let response: Response;
  try {
    response = await send();
  } catch (error) {
    // A kept-alive connection the server closed as idle just as this request went out on it (likely on a loaded
    // machine): the server never read the request, so it is sent again, on a new connection; the time counts.
    if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
    response = await send();
  }
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

async function seed(): Promise<{ token: string; projectId: string; leaves: string[] }> {
  const signup = await fetch(`${base}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'bench@example.com',
      name: 'Bench',
      password: 'correct horse battery staple',
    }),
  });
  const cookies = signup.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const csrf = cookies.find((cookie) => cookie?.startsWith('tandem_csrf='))?.split('=')[1] ?? '';
  const tokenResponse = await fetch(`${base}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf },
    body: JSON.stringify({ name: 'bench' }),
  });
  const token = ((await tokenResponse.json()) as { secret: string }).secret;
  const workspace = await call('POST', '/api/workspaces', token, { name: 'Bench' });
  const project = await call('POST', `/api/workspaces/${workspace.id}/projects`, token, {
    name: 'Ten thousand tasks',
    startDate: '2026-01-05',
  });
  const projectId = String(project.id);
  const workspaceId = String(workspace.id);

  // 500 phases of 19 tasks, in outline order.
  const random = seededRandom(42);
  const ids: string[] = [];
  const parents: (string | null)[] = [];
  const positions: number[] = [];
  const durations: number[] = [];
  const leaves: string[] = [];
  for (let p = 0; p < phases; p++) {
    const phase = newId('tsk');
    ids.push(phase);
    parents.push(null);
    positions.push(p + 1);
    durations.push(0);
    for (let c = 0; c < perPhase; c++) {
      const id = newId('tsk');
      ids.push(id);
      parents.push(phase);
      positions.push(c + 1);
      durations.push(480 * (1 + Math.floor(random() * 5)));
      leaves.push(id);
    }
  }
  const from: string[] = [];
  const to: string[] = [];
  const pairs = new Set<string>();
  const link = (a: string, b: string) => {
    if (a === b || pairs.has(`${a}>${b}`)) return;
    pairs.add(`${a}>${b}`);
    from.push(a);
    to.push(b);
  };
  // Twenty streams of work side by side: each phase a chain, each phase after the previous phase of its stream, plus
  // forward links inside phases. Every link points forward in plan order, so there is no cycle.
  const leafOf = (phase: number, child: number) => leaves[phase * perPhase + child] as string;
  for (let p = 0; p < phases; p++) {
    for (let c = 0; c + 1 < perPhase; c++) link(leafOf(p, c), leafOf(p, c + 1));
    if (p + streams < phases) link(leafOf(p, perPhase - 1), leafOf(p + streams, 0));
  }
  while (from.length < 15_000) {
    const p = Math.floor(random() * phases);
    const c = Math.floor(random() * (perPhase - 2));
    link(leafOf(p, c), leafOf(p, c + 2 + Math.floor(random() * (perPhase - c - 2))));
  }
  const pool = server.deps.pool;
  await pool.query(
    `insert into tasks (id, workspace_id, project_id, parent_id, name, position, duration_minutes)
     select id, $1, $2, parent, 'Task ' || ord, position, duration
     from unnest($3::text[], $4::text[], $5::float8[], $6::int[]) with ordinality as t(id, parent, position, duration, ord)`,
    [workspaceId, projectId, ids, parents, positions, durations],
  );
  await pool.query(
    `insert into task_links (id, workspace_id, project_id, predecessor_id, successor_id)
     select 'lnk_' || md5(a || b), $1, $2, a, b from unnest($3::text[], $4::text[]) as l(a, b)`,
    [workspaceId, projectId, from, to],
  );
  await pool.query('update projects set plan_revision = plan_revision + 1 where id = $1', [projectId]);
  return { token, projectId, leaves };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function figures(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`;
}

/** Runs `clients` loops at once, each over its own tasks (so versions never collide), timing `step` each time. */
async function load(
  clientCount: number,
  leaves: string[],
  versions: Map<string, number>,
  step: (taskId: string, version: number) => Promise<number>,
  perClient = patchesPerClient,
): Promise<number[]> {
  const samples: number[] = [];
  const random = seededRandom(7);
  await Promise.all(
    Array.from({ length: clientCount }, async (_, client) => {
      const own = leaves.filter((_, i) => i % clientCount === client);
      for (let n = 0; n < perClient; n++) {
        const taskId = own[Math.floor(random() * own.length)] as string;
        const started = performance.now();
        const version = await step(taskId, versions.get(taskId) ?? 1);
        samples.push(performance.now() - started);
        versions.set(taskId, version);
      }
    }),
  );
  return samples;
}

let apart: ChildProcess | undefined;
try {
  const { token, projectId, leaves } = await seed();
  apart = await serveApart();
  const plan = `/api/projects/${projectId}/plan`;
  const schedule = `/api/projects/${projectId}/schedule`;
  let started = performance.now();
  await call('GET', plan, token);
  const cold = performance.now() - started;
  started = performance.now();
  await call('GET', plan, token);
  const warm = performance.now() - started;

  const versions = new Map<string, number>();
  const random = seededRandom(99);
  const patch = async (taskId: string, version: number) => {
    const task = await call(
      'PATCH',
      `/api/tasks/${taskId}`,
      token,
      { durationMinutes: 480 * (1 + Math.floor(random() * 5)) },
      { 'if-match': `"${version}"` },
    );
    return Number(task.version);
  };
  const single = await load(1, leaves, versions, patch);
  // The first burst of 10 clients finds the ten connections the server opened as it started, but most of them have
  // not prepared the write's statements yet, and the server's code runs ten writes at once for the first time. Its
  // figures are printed apart; the steady state is measured after it. (Before servers kept ten connections open, the
  // burst opened them itself: p99 131-163 ms against 100-126 ms since, on the same machine.)
  const burst = await load(clients, leaves, versions, patch, warmUpPerClient);
  const probe = await probeLoad(server.deps.pool, apart.pid ?? 0);
  const patches = await load(clients, leaves, versions, patch);
  const cost = await probe.stop();
  const roundTrips = await load(clients, leaves, versions, async (taskId, version) => {
    const next = await patch(taskId, version);
    await call('GET', schedule, token);
    return next;
  });
  // The schedule a client reads after its write is the one of the plan's current revision.
  const current = await call('GET', schedule, token);
  const revision = (
    await server.deps.pool.query('select plan_revision from projects where id = $1', [projectId])
  ).rows[0]?.plan_revision;
  if (current.planRevision !== revision)
    throw new Error(`schedule at ${current.planRevision}, plan at ${revision}`);

  console.log(`API update task (10000-task project, 1 client): ${figures(single)}`);
  console.log(`API update task (10000-task project, 10 clients): ${figures(patches)}`);
  console.log(
    `API update task (10000-task project, 10 clients, first ${burst.length} of the first burst): ${figures(burst)}`,
  );
  console.log(`API update task (10000-task project, 10 clients): ${costLine(cost, patches.length)}`);
  console.log(`API update task + GET schedule (10000-task project, 10 clients): ${figures(roundTrips)}`);
  console.log(
    `API GET plan (10000 tasks, 15000 links): cold ${cold.toFixed(0)} ms, warm ${warm.toFixed(0)} ms`,
  );
} catch (error) {
  // A failed call is most often the measured server's own failure: say what it said, and how it ended.
  console.error(
    `measured server (exit ${apart?.exitCode ?? 'running'}, signal ${apart?.signalCode ?? 'none'}):\n${apartErrors}`,
  );
  throw error;
} finally {
  if (apart && apart.exitCode === null) {
    const exited = new Promise((resolve) => apart?.once('exit', resolve));
    apart.kill('SIGTERM');
    await exited;
  }
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
