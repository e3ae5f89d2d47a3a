import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/db/free-port';
import { spawnTandem } from './helpers/cli';

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-crash-'));
// As root the embedded cluster runs as `postgres`, which must reach its directory.
chmodSync(dataDir, 0o755);
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  // A PostgreSQL orphaned by the SIGKILL is stopped by the restart; make sure nothing outlives the test.
  const postmaster = join(dataDir, 'postgres', 'postmaster.pid');
  if (existsSync(postmaster)) {
    const pid = Number.parseInt(readFileSync(postmaster, 'utf8').split('\n')[0] ?? '', 10);
    if (pid > 0) {
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        // Already gone.
      }
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function serve(port: number): Promise<{ child: ChildProcess; stderr: () => string }> {
  const child = spawnTandem(['serve', '--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir]);
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`tandem serve exited with ${child.exitCode}:\n${stderr}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.status === 200) return { child, stderr: () => stderr };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`no 200 from /api/health:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function lockHolder(): number | undefined {
  const path = join(dataDir, 'tandem.lock');
  return existsSync(path) ? Number.parseInt(readFileSync(path, 'utf8'), 10) : undefined;
}

// Two embedded PostgreSQL starts and the clean stop of the one orphaned by SIGKILL take a while on a busy machine.
describe('a crash of the server', () => {
  it('keeps every acknowledged write through SIGKILL, takes the lock over on restart, and stops cleanly on SIGTERM (and a first start explains how to create an account)', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await serve(port);
    expect(lockHolder()).toBe(first.child.pid);
    // A first start without any account says how to create one.
    for (let i = 0; i < 100 && !/No account exists yet/.test(first.stderr()); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(first.stderr()).toMatch(/create-admin --email/);

    const signup = await fetch(`${base}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'crash@example.com', name: 'Crash', password: 'correct horse battery' }),
    });
    expect(signup.status).toBe(201);
    const cookies = signup.headers.getSetCookie().map((cookie) => cookie.split(';')[0] ?? '');
    const csrf = decodeURIComponent(cookies.find((c) => c.startsWith('tandem_csrf='))?.split('=')[1] ?? '');
    const headers = { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf };
    const post = (path: string, body: unknown) =>
      fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const workspace = (await (await post('/api/workspaces', { name: 'Crash' })).json()) as {
      workspace?: { id: string };
      id?: string;
    };
    const workspaceId = workspace.workspace?.id ?? workspace.id;
    const project = (await (
      await post(`/api/workspaces/${workspaceId}/projects`, { name: 'Crash', startDate: '2026-01-05' })
    ).json()) as { id: string };

    // Four clients stream task creations; each id is recorded only once the server has answered 201.
    const acknowledged: string[] = [];
    let killed = false;
    const stream = async (client: number) => {
      for (let i = 0; !killed; i++) {
        try {
          const response = await post(`/api/projects/${project.id}/tasks`, { name: `c${client}-${i}` });
          if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
        } catch {
          return;
        }
      }
    };
    const streams = [0, 1, 2, 3].map(stream);
    const streamDeadline = Date.now() + 60_000;
    while (acknowledged.length < 150) {
      if (Date.now() > streamDeadline)
        throw new Error(`only ${acknowledged.length} writes acknowledged in 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Listen before killing: the exit may well be over by the time the streams below have wound down.
    const firstExited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    killed = true;
    await Promise.all(streams);
    await firstExited;
    expect(lockHolder()).toBe(first.child.pid);

    const second = await serve(port);
    expect(lockHolder()).toBe(second.child.pid);
    const stored = new Set<string>();
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = (await (
        await fetch(`${base}/api/projects/${project.id}/tasks?limit=200${query}`, { headers })
      ).json()) as { items: { id: string }[]; nextCursor: string | null };
      for (const item of page.items) stored.add(item.id);
      cursor = page.nextCursor;
    } while (cursor);
    const lost = acknowledged.filter((id) => !stored.has(id));
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);
    expect(lost).toEqual([]);

    const exited = new Promise<number | null>((resolve) =>
      second.child.once('exit', (code) => resolve(code)),
    );
    second.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lockHolder()).toBeUndefined();
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 180_000);
});
