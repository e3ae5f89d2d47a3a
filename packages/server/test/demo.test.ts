import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/db/free-port';
import { loadDemo } from '../src/demo/load-demo';
import { planCache } from '../src/domain/schedule/plan-cache';
import { runTandem, spawnTandem } from './helpers/cli';
import { domainTestFeatures } from './helpers/domain-features';
import { sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
});
afterAll(async () => {
  await t?.close();
});

async function counts() {
  const [row] = await sql(
    t,
    `select (select count(*) from workspaces)::int as workspaces, (select count(*) from products)::int as products,
            (select count(*) from programs)::int as programs, (select count(*) from projects)::int as projects,
            (select count(*) from tasks)::int as tasks, (select count(*) from users)::int as users,
            (select count(*) from entity_members)::int as roles`,
  );
  return row;
}

async function signIn(email: string, password: string) {
  const response = await t.request('POST', '/api/auth/signin', { body: { email, password } });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { status: response.status, get: (path: string) => t.request('GET', path, { headers: { cookie } }) };
}

describe('the demo workspace', () => {
  it('loads products, a program and three projects with a few hundred tasks in a tree', async () => {
    const demo = await loadDemo(t.server.deps.db);
    expect(demo.created).toBe(true);
    expect(await counts()).toMatchObject({ workspaces: 1, products: 3, programs: 1, projects: 3, users: 6 });
    expect((await counts())?.tasks).toBe(demo.taskCount);
    expect(demo.taskCount).toBeGreaterThan(300);
    const [depth] = await sql(
      t,
      `with recursive d(id, depth) as (select id, 1 from tasks where parent_id is null
         union all select t.id, d.depth + 1 from tasks t join d on t.parent_id = d.id) select max(depth)::int as max from d`,
    );
    expect(depth?.max).toBe(3);
    const [linked] = await sql(
      t,
      'select count(*)::int as n from projects where program_id is not null and product_id is not null',
    );
    expect(linked?.n).toBe(3);
  });

  it('is idempotent: loading again adds nothing and renews the demo password', async () => {
    const before = await counts();
    const again = await loadDemo(t.server.deps.db);
    expect(again.created).toBe(false);
    expect(await counts()).toEqual(before);
    const owner = await signIn(again.accounts[0]!.email, again.password);
    expect(owner.status).toBe(200);
  });

  it('gives each demo account what its role allows', async () => {
    const demo = await loadDemo(t.server.deps.db);
    const owner = await signIn(demo.accounts.find((a) => a.role === 'owner')!.email, demo.password);
    const me = (await (await owner.get('/api/auth/me')).json()) as { user: { id: string } };
    const [workspace] = await sql(t, `select workspace_id as id from workspace_members where user_id = $1`, [
      me.user.id,
    ]);
    const ownerProjects = (await (await owner.get(`/api/workspaces/${workspace?.id}/projects`)).json()) as {
      items: { id: string; name: string }[];
    };
    expect(ownerProjects.items).toHaveLength(3);
    const guest = await signIn(demo.accounts.find((a) => a.role === 'guest')!.email, demo.password);
    const guestProjects = (await (await guest.get(`/api/workspaces/${workspace?.id}/projects`)).json()) as {
      items: { name: string }[];
    };
    expect(guestProjects.items.map((p) => p.name)).toEqual(['Self-serve onboarding']);
    const seen = ownerProjects.items.find((p) => p.name === 'Self-serve onboarding')!;
    const hidden = ownerProjects.items.find((p) => p.name !== 'Self-serve onboarding')!;
    const tasks = await guest.get(`/api/projects/${seen.id}/tasks?limit=200`);
    expect(tasks.status).toBe(200);
    expect(((await tasks.json()) as { items: unknown[] }).items.length).toBeGreaterThan(100);
    expect((await guest.get(`/api/projects/${hidden.id}/tasks`)).status).toBe(404);
  });

  it('loads from the command line and prints how to sign in', async () => {
    const result = await runTandem(['demo'], { DATABASE_URL: t.database.url });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/already loaded/);
    expect(result.stdout).toMatch(/ada@demo\.tandem\.test/);
    const password = /password (\S+)/.exec(result.stdout)?.[1];
    expect((await signIn('ada@demo.tandem.test', password ?? '')).status).toBe(200);
  });
});

// Starting an embedded PostgreSQL on a fresh data directory takes a while on a busy machine.
describe('serve --demo', () => {
  it('serves the demo workspace from a fresh data directory and prints how to sign in', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-demo-'));
    chmodSync(dataDir, 0o755);
    const port = await freePort();
    const child = spawnTandem([
      'serve',
      '--demo',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--data-dir',
      dataDir,
    ]);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    try {
      const deadline = Date.now() + 90_000;
      while (!/all with the password (\S+)/.test(stderr)) {
        if (child.exitCode !== null || Date.now() > deadline)
          throw new Error(`serve --demo did not load:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(stderr).toMatch(new RegExp(`Sign in at http://127\\.0\\.0\\.1:${port}`));
      expect(stderr).not.toMatch(/No account exists yet/);
      const password = /all with the password (\S+)/.exec(stderr)?.[1] ?? '';
      const response = await fetch(`http://127.0.0.1:${port}/api/auth/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ada@demo.tandem.test', password }),
      });
      expect(response.status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('the demo plans', () => {
  it('have links, milestones, a critical chain, progress and statuses across the workflow', async () => {
    await loadDemo(t.server.deps.db);
    const rows = await sql(
      t,
      `select p.id, p.workspace_id as "workspaceId", (select count(*) from task_links l where l.project_id = p.id)::int as links,
              (select count(*) from tasks x where x.project_id = p.id and x.is_milestone)::int as milestones,
              (select count(distinct status) from tasks x where x.project_id = p.id)::int as statuses,
              (select count(*) from tasks x where x.project_id = p.id and x.percent_complete = 100)::int as done
       from projects p order by p.start_date`,
    );
    expect(rows).toHaveLength(3);
    for (const [index, row] of rows.entries()) {
      expect(row.links).toBeGreaterThan(80);
      expect(row.milestones).toBe(5);
      expect(row.statuses).toBeGreaterThanOrEqual(index === 2 ? 2 : 3);
      expect(row.done).toBeGreaterThan(0);
      const revision = (await sql(t, 'select plan_revision from projects where id = $1', [row.id]))[0]
        ?.plan_revision;
      const computed = await planCache.schedule(t.server.deps.db, row.id, Number(revision));
      expect(computed.cycle).toBeNull();
      expect(computed.criticalPath.length).toBeGreaterThan(5);
    }
  });

  it('give sprints and time entries to the first work items in outline order, so every load is the same', async () => {
    await loadDemo(t.server.deps.db);
    // Work items (tasks without children) in outline order, found by their path of positions from the root.
    const leaves = await sql(
      t,
      `with recursive walk(id, project_id, path) as (
         select id, project_id, array[position] from tasks where parent_id is null
         union all select t.id, t.project_id, w.path || t.position from tasks t join walk w on t.parent_id = w.id)
       select w.id, w.project_id as "projectId", t.sprint_id as "sprintId",
              exists (select 1 from time_entries e where e.task_id = w.id) as logged
       from walk w join tasks t on t.id = w.id
       where not exists (select 1 from tasks c where c.parent_id = w.id)
       order by w.project_id, w.path`,
    );
    const [active] = await sql(t, `select id from sprints where state = 'active'`);
    // The active sprint (the fourth) holds the 24th to the 32nd work items of the agile project.
    const agile = leaves.filter((leaf) => leaves.some((l) => l.projectId === leaf.projectId && l.sprintId));
    expect(agile.flatMap((leaf, k) => (leaf.sprintId === active?.id ? [k] : []))).toEqual([
      23, 24, 25, 26, 27, 28, 29, 30, 31,
    ]);
    // Every project's first two work items have the opening week's time entries, and no other.
    for (const projectId of new Set(leaves.map((leaf) => leaf.projectId))) {
      const own = leaves.filter((leaf) => leaf.projectId === projectId);
      expect(own.map((leaf) => leaf.logged).indexOf(false)).toBe(2);
      expect(own.slice(2).some((leaf) => leaf.logged)).toBe(false);
    }
  });
});
