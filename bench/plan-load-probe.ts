import { readFileSync } from 'node:fs';
import type pg from 'pg';

/** What a stretch of load cost: CPU per request of the server and of PostgreSQL, and where transactions waited. */
export interface LoadCost {
  serverCpuMs: number;
  postgresCpuMs: number;
  /** Samples of backends inside a transaction (running or idle in it), and how many of them waited on a lock or a WAL flush. */
  busySamples: number;
  lockSamples: number;
  walSamples: number;
  /** Samples per wait event (`Lock:transactionid`, `IO:WalSync`…), to tell a row lock from NOTIFY's commit lock. */
  waits: Map<string, number>;
}

/** CPU time (user + system) of a process so far, in ms; 0 once it has gone. */
function cpuMs(pid: number): number {
  try {
    // The command name may hold spaces; the fields after its closing parenthesis do not.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

async function postgresPids(pool: pg.Pool): Promise<number[]> {
  const { rows } = await pool.query<{ pid: number }>('select pid from pg_stat_activity');
  return rows.map((row) => row.pid);
}

/**
 * Watches a stretch of load from outside: samples `pg_stat_activity` every few milliseconds (the share of in-transaction
 * backend time spent waiting for a lock, or for the WAL to reach the disk), and reads the CPU the server process and
 * PostgreSQL's processes used. `stop()` returns the totals; wall-clock figures on a shared machine are noisy, these less.
 */
export async function probeLoad(pool: pg.Pool, serverPid: number): Promise<{ stop(): Promise<LoadCost> }> {
  const startPids = await postgresPids(pool);
  const startCpu = new Map(startPids.map((pid) => [pid, cpuMs(pid)]));
  const serverStart = cpuMs(serverPid);
  const cost = { busySamples: 0, lockSamples: 0, walSamples: 0, waits: new Map<string, number>() };
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { rows } = await pool.query<{ wait_event_type: string | null; wait_event: string | null }>(
        `select wait_event_type, wait_event from pg_stat_activity
         where backend_type = 'client backend' and pid <> pg_backend_pid() and state in ('active', 'idle in transaction')`,
      );
      for (const row of rows) {
        cost.busySamples += 1;
        const wait = row.wait_event_type ? `${row.wait_event_type}:${row.wait_event}` : 'running';
        cost.waits.set(wait, (cost.waits.get(wait) ?? 0) + 1);
        if (row.wait_event_type === 'Lock') cost.lockSamples += 1;
        if (row.wait_event === 'WalSync' || row.wait_event === 'WalWrite') cost.walSamples += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 4));
    }
  })();
  return {
    async stop() {
      sampling = false;
      await sampler;
      const serverCpuMs = cpuMs(serverPid) - serverStart;
      let postgresCpuMs = 0;
      for (const pid of new Set([...startPids, ...(await postgresPids(pool))])) {
        postgresCpuMs += cpuMs(pid) - (startCpu.get(pid) ?? 0);
      }
      return { serverCpuMs, postgresCpuMs, ...cost };
    },
  };
}

/** One line of a `LoadCost` for `requests` requests. */
export function costLine(cost: LoadCost, requests: number): string {
  const share = (n: number) => (cost.busySamples === 0 ? 0 : (100 * n) / cost.busySamples).toFixed(0);
  return (
    `CPU/request server ${(cost.serverCpuMs / requests).toFixed(2)} ms, PostgreSQL ${(cost.postgresCpuMs / requests).toFixed(2)} ms; ` +
    `in-transaction time waiting: lock ${share(cost.lockSamples)}%, WAL flush ${share(cost.walSamples)}% (${cost.busySamples} samples: ${[...cost.waits].map(([wait, n]) => `${wait} ${share(n)}%`).join(', ')})`
  );
}
