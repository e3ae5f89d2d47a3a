/**
 * Server figures: cold and warm start of `tandem serve` on the embedded PostgreSQL, an authenticated list of 50 items
 * and an authenticated write under autocannon, and the server's memory under that load. Prints figures only.
 * Run: npm run bench
 *
 * Figures of 2026-11-23 on the shared 2-core machine, taken while other test suites kept its load at 8-12, so the
 * req/s swing several-fold from run to run (the /api/health baseline went from 272 to 2,275 req/s):
 *   before the list and HTTP work (b43ceec): list 509 / 583 req/s (p99 129 / 105 ms), create 108 / 259 req/s,
 *     RSS peak 198 / 227 MB
 *   after (5312865, with others' later task features): list 382 / 131 / 854 / 1,058 req/s (p99 84 / 416 / 65 / 34 ms),
 *     create 93 / 55 / 88 / 171 req/s, RSS peak 240 / 170 / 268 / 245 MB
 * CPU per list request, interleaved runs at the same load: Node 2.5-3.3 ms before, 1.4-1.8 ms after; PostgreSQL
 * 0.45-0.53 ms before, 0.26-0.35 ms after; one SQL statement per list instead of two.
 *
 * Later the same day, load 15-20 on the same machine (req/s mean nothing then; CPU per request is steadier):
 *   through tsx (before) vs the prebuilt bundle, interleaved: warm start 6.5-9.5 s vs 2.2-4.6 s, RSS idle 184-201 MB
 *   vs 98-129 MB (of which pdfkit and nodemailer, now loaded on first use, were about 40 MB);
 *   one process: list 1.00-1.77 ms Node + 0.29-0.42 ms PostgreSQL CPU per request, create 3.9-4.8 + 2.6-2.9 ms,
 *   RSS idle 114-115 MB, peak 133-185 MB; --workers 2: RSS idle 310-313 MB (primary 113 MB + 2 × 104 MB), peak
 *   353-360 MB, list 1.8-2.1 ms and create 6.8 ms Node CPU per request (each process also reads every change notice).
 * At load 6, same machine: tsx vs bundle warm start 2.59 / 2.92 s vs 1.05 / 0.70 s, RSS idle 175-177 vs 98-102 MB;
 *   one process: cold 4.72 s, warm 1.03 s, health 5,419 req/s, list 726 req/s (p99 114 ms; 0.79 + 0.29 ms CPU),
 *   create 175 req/s (2.86 + 2.51 ms CPU), RSS idle 116 MB, peak 226 MB;
 *   --workers 2: cold 6.54 s, warm 2.38 s, list 1,049 req/s (p99 52 ms; 0.87 + 0.26 ms CPU), create 168 req/s
 *   (3.31 + 2.38 ms CPU), RSS idle 295 MB, peak 466 MB.
 *
 * Task create in 6 statements instead of 9 (f248a90: the project, its rules and the caller's roles in one read; audit,
 * plan revision and commit in one write), 2026-11-23 evening, before and after bundles served side by side and loaded
 * in alternating bursts (10 conn, 4-5 s each), so both saw the same load; CPU per request, Node + PostgreSQL:
 *   load 12-14: create 4.52 + 3.18 ms before, 3.05 + 2.49 ms after (3 rounds; 62 vs 85 req/s);
 *     list (unchanged) 1.45 + 0.37 vs 1.25 + 0.37 ms, the spread of identical code at that load; RSS 155 / 142 MB.
 *   load 2-4 (2 rounds, 5 s): create 3.23 + 2.70 ms before, 1.98 + 2.12 ms after (190 vs 320 req/s, two servers and
 *     their clusters on the machine); list 0.96 + 0.32 vs 1.05 + 0.33 ms; RSS 222 / 174 MB.
 *   Alone right after, load 3: cold 2.23 s, warm 0.76 s, health 3,128 req/s, list 1,080 req/s (p99 29 ms; 0.81 +
 *     0.30 ms CPU), create 291 req/s (p99 72 ms; 1.97 + 2.32 ms CPU), RSS idle 116 MB, peak 236 MB.
 * Single-server runs that evening at load 6-15 (req/s mean little): list 305 / 161 / 74 req/s, p99 144-473 ms;
 *   create 81 / 32 before, 19 after at load 15; RSS peak 133-226 MB.
 *
 * 2026-11-24, load 1-1.4, one server process, each run beside the one before it:
 *   before (a7a7f6d): list 1,138 req/s, p99 21 ms, 0.95 + 0.31 ms CPU; create 371 req/s, 2.08 + 2.29 ms CPU.
 *   list pages kept per list revision (9c4f689): list 2,663 req/s, p99 10 ms, 0.36 + 0.17 ms CPU; create 458 req/s,
 *     p99 44 ms, 1.54 + 2.02 ms CPU; RSS peak 173 MB.
 *   the task insert a named prepared statement (c6e9177): list 2,454 req/s, p99 11 ms, 0.38 + 0.18 ms; create
 *     545 req/s, p99 39 ms, 1.42 + 1.48 ms CPU; RSS idle 121 MB, peak 142 MB.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { ensureServerBuilt } from '../scripts/ensure-server-built.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;

// `BENCH_CPU_PROF=dir npm run bench` writes a V8 CPU profile of each server process into `dir` (open it in Chrome's
// DevTools): the figures are then slower, but show where the list's and the write's time goes.
const profileDir = process.env.BENCH_CPU_PROF;
const profileFlags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
// `npm run bench -- --workers 2` measures `tandem serve --workers 2`; RSS and CPU then add up all its Node processes.
const workersAt = process.argv.indexOf('--workers');
const workers = workersAt > 0 ? Number(process.argv[workersAt + 1]) : 1;
const workerFlags = workers > 1 ? ['--workers', String(workers)] : [];
// `BENCH_BUNDLE=packages/cli/dist/other.mjs npm run bench` runs another prebuilt bundle, so two builds can be compared
// in interleaved runs: build one from a checkout with `node -e "import('./scripts/ensure-server-built.mjs').then((m) =>
// m.buildServer({ entry: 'packages/cli/src/main.ts', outfile: process.cwd() + '/packages/cli/dist/other.mjs' }))"`.
const bundle = process.env.BENCH_BUNDLE;

// `npm start` runs the `tandem` executable, which loads the prebuilt bundle (built before the clock starts).
function startServe(dataDir: string): ChildProcess {
  return spawn(
    process.execPath,
    [
      ...profileFlags,
      bundle ?? 'packages/cli/bin/tandem.mjs',
      'serve',
      ...workerFlags,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: repoRoot,
      // Logging at the default level, as a server in production does (one JSON line per request).
      env: { ...process.env, DATABASE_URL: undefined, TANDEM_DATA_DIR: dataDir, TANDEM_LOG_LEVEL: undefined },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
}

async function untilHealthy(child: ChildProcess, started: number): Promise<number> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`tandem serve exited early:\n${stderr}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.status === 200) return performance.now() - started;
    } catch {
      // Not listening yet.
    }
    if (performance.now() - started > 120_000) throw new Error(`no 200 from /api/health:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

// The server's Node processes: the one `tandem serve`, or with --workers the primary and its workers.
function nodePids(pid: number): number[] {
  const pids = [pid];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid && stat.includes('(node)')) pids.push(Number(entry));
    } catch {
      // Exited meanwhile.
    }
  }
  return pids;
}

function rssMb(pid: number): number {
  let kb = 0;
  for (const one of nodePids(pid)) {
    const status = readFileSync(`/proc/${one}/status`, 'utf8');
    kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return kb / 1024;
}

async function api(
  path: string,
  init: { method?: string; body?: unknown; token?: string; cookie?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text}`);
  return { response, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Signs up, creates an API token, a workspace with 50 products and a project to write tasks into. */
async function seed(): Promise<{ token: string; workspaceId: string; projectId: string }> {
  const signup = await fetch(`${base}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', name: 'Bench', password: 'correct horse battery' }),
  });
  if (signup.status !== 201) throw new Error(`signup: ${signup.status} ${await signup.text()}`);
  const cookies = signup.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const csrf = cookies.find((cookie) => cookie?.startsWith('tandem_csrf='))?.split('=')[1] ?? '';
  const tokenResponse = await fetch(`${base}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf },
    body: JSON.stringify({ name: 'bench' }),
  });
  if (tokenResponse.status >= 300)
    throw new Error(`token: ${tokenResponse.status} ${await tokenResponse.text()}`);
  const token = ((await tokenResponse.json()) as { secret: string }).secret;
  const workspace = await api('/api/workspaces', { method: 'POST', token, body: { name: 'Bench' } });
  const workspaceId = String(
    (workspace.json.workspace as { id?: string } | undefined)?.id ?? workspace.json.id,
  );
  for (let i = 0; i < 50; i++) {
    await api(`/api/workspaces/${workspaceId}/products`, {
      method: 'POST',
      token,
      body: {
        name: `Product ${String(i).padStart(2, '0')}`,
        vision: 'A vision',
        description: 'x'.repeat(200),
      },
    });
  }
  const project = await api(`/api/workspaces/${workspaceId}/projects`, {
    method: 'POST',
    token,
    body: { name: 'Bench project', startDate: '2026-01-05' },
  });
  return { token, workspaceId, projectId: String(project.json.id) };
}

// CPU milliseconds a process has used (user + system; /proc counts in ticks of 10 ms).
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

// The CPU of the embedded PostgreSQL: its postmaster's children (the backends serving the pool, and the writers).
function postgresCpuMs(dataDir: string): number {
  const postmaster = Number.parseInt(
    readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0] ?? '',
    10,
  );
  let total = cpuMs(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      if (Number(fields[1]) === postmaster) total += cpuMs(Number(entry));
    } catch {
      // Exited meanwhile.
    }
  }
  return total;
}

// CPU per request is steadier than req/s on a shared machine: other load slows each request but adds no CPU to it.
async function load(options: autocannon.Options, pid: number, dataDir: string) {
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMb(pid));
  }, 200);
  const nodeCpuMs = () => nodePids(pid).reduce((sum, one) => sum + cpuMs(one), 0);
  const nodeBefore = nodeCpuMs();
  const postgresBefore = postgresCpuMs(dataDir);
  const result = await autocannon(options);
  clearInterval(sampler);
  const requests = Math.max(1, result.requests.total);
  const nodeCpu = (nodeCpuMs() - nodeBefore) / requests;
  const postgresCpu = (postgresCpuMs(dataDir) - postgresBefore) / requests;
  return { result, peakRss, nodeCpu, postgresCpu };
}

function cpuLine(run: { nodeCpu: number; postgresCpu: number }): void {
  line(
    '  CPU per request: Node / PostgreSQL',
    `${run.nodeCpu.toFixed(2)} / ${run.postgresCpu.toFixed(2)} ms`,
    '—',
  );
}

function line(label: string, value: string, target: string): void {
  process.stdout.write(`${label.padEnd(44)} ${value.padStart(12)}   (target ${target})\n`);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  // As root the embedded cluster runs as `postgres`, which must reach its directory.
  chmodSync(dataDir, 0o755);
  try {
    if (bundle === undefined) await ensureServerBuilt();
    let started = performance.now();
    let child = startServe(dataDir);
    const cold = await untilHealthy(child, started);
    await stop(child);
    started = performance.now();
    child = startServe(dataDir);
    const warm = await untilHealthy(child, started);
    const { token, workspaceId, projectId } = await seed();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const pid = child.pid ?? 0;
    const idleRss = rssMb(pid);
    // The cheapest route (one `select 1`): how much of the list figure is the machine and the framework.
    const health = await load({ url: `${base}/api/health`, connections: 10, duration: 5 }, pid, dataDir);
    const list = await load(
      {
        url: `${base}/api/workspaces/${workspaceId}/products?limit=50`,
        connections: 10,
        duration: 10,
        headers,
      },
      pid,
      dataDir,
    );
    const listItems = (await api(`/api/workspaces/${workspaceId}/products?limit=50`, { token })).json.items;
    const write = await load(
      {
        url: `${base}/api/projects/${projectId}/tasks`,
        method: 'POST',
        connections: 10,
        duration: 10,
        headers,
        body: JSON.stringify({ name: 'Benchmark task', durationMinutes: 480 }),
      },
      pid,
      dataDir,
    );
    await stop(child);
    process.stdout.write(
      `\nTandem server benchmark (embedded PostgreSQL 18, this machine, ${workers === 1 ? 'one server process' : `--workers ${workers}`})\n\n`,
    );
    line('cold start to first 200 /api/health', `${(cold / 1000).toFixed(2)} s`, '≤ 5 s');
    line('warm start to first 200 /api/health', `${(warm / 1000).toFixed(2)} s`, '≤ 2 s');
    line(
      'baseline GET /api/health, 10 conn × 5 s',
      `${Math.round(health.result.requests.average)} req/s`,
      '—',
    );
    line('  latency p99', `${health.result.latency.p99} ms`, '—');
    line(
      `list of ${Array.isArray(listItems) ? listItems.length : '?'} products, 10 conn × 10 s`,
      `${Math.round(list.result.requests.average)} req/s`,
      '≥ 2,000 req/s',
    );
    line('  latency p50', `${list.result.latency.p50} ms`, '—');
    line('  latency p99', `${list.result.latency.p99} ms`, '≤ 30 ms');
    line('  non-2xx / errors', `${list.result.non2xx} / ${list.result.errors + list.result.timeouts}`, '0');
    cpuLine(list);
    line(
      'create task (POST), 10 conn × 10 s',
      `${Math.round(write.result.requests.average)} req/s`,
      '≥ 500 req/s',
    );
    line('  latency p50', `${write.result.latency.p50} ms`, '—');
    line('  latency p99', `${write.result.latency.p99} ms`, '—');
    line(
      '  non-2xx / errors',
      `${write.result.non2xx} / ${write.result.errors + write.result.timeouts}`,
      '0',
    );
    cpuLine(write);
    line('server RSS idle', `${idleRss.toFixed(0)} MB`, '—');
    line('server RSS peak under load', `${Math.max(list.peakRss, write.peakRss).toFixed(0)} MB`, '≤ 250 MB');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
