import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationTables } from '../src/backup/database-tables';
import { exportBackup } from '../src/backup/export-backup';
import { importBackup } from '../src/backup/import-backup';
import { applyMigrations, committedMigrations } from '../src/backup/schema-steps';
import { createDatabaseClient } from '../src/db/client';
import { freePort } from '../src/db/free-port';
import { loadDemo } from '../src/demo/load-demo';
import { runTandem, spawnTandem } from './helpers/cli';
import { createTestDatabase, type TestDatabase } from './helpers/database';

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Every row of every domain table, as text, in a stable order: what a faithful restore must reproduce. */
/** Every row of the main tables as text; `withoutPlanRevisions` leaves out the projects' plan revisions. */
async function snapshot(url: string, withoutPlanRevisions = false) {
  const tables = ['workspaces', 'products', 'programs', 'projects', 'tasks', 'audit_entries'];
  const result: Record<string, unknown[]> = {};
  for (const table of tables) {
    const row =
      withoutPlanRevisions && table === 'projects' ? `(to_jsonb(t) - 'plan_revision')::text` : 't::text';
    result[table] = (await query(url, `select ${row} as row from ${table} t order by id`)).map((r) => r.row);
  }
  return result;
}

const planRevisionOf = async (url: string) =>
  (await query<{ plan_revision: number }>(url, `select plan_revision from projects where id = 'prj_1'`))[0]
    ?.plan_revision ?? 0;

async function seed(url: string): Promise<void> {
  await query(url, `insert into workspaces (id, name, slug) values ('wsp_1', 'Acme', 'acme')`);
  await query(
    url,
    `insert into products (id, workspace_id, name, vision, created_at) values
       ('prd_1', 'wsp_1', 'Atlas', 'A "quoted" vision with \\ backslash and ünïcödé', '2026-01-02 03:04:05.678+00')`,
  );
  await query(url, `insert into programs (id, workspace_id, name) values ('prg_1', 'wsp_1', 'Growth')`);
  await query(
    url,
    `insert into projects (id, workspace_id, name, program_id, product_id, start_date, status_date, calendar)
     values ('prj_1', 'wsp_1', 'Launch', 'prg_1', 'prd_1', '2026-03-02', null,
             '{"minutesPerDay":450,"minutesPerWeek":2250,"daysPerMonth":20,"workingDays":[1,2,3,4,5]}')`,
  );
  // Children are inserted before their parents' ids sort, so a restore cannot rely on id order.
  await query(
    url,
    `insert into tasks (id, workspace_id, project_id, parent_id, name, duration_minutes, position) values
       ('tsk_9', 'wsp_1', 'prj_1', null, 'Summary', 0, 1),
       ('tsk_1', 'wsp_1', 'prj_1', 'tsk_9', 'Child', 960, 0.1 + 0.2)`,
  );
  await query(
    url,
    `insert into audit_entries (id, workspace_id, actor_id, entity_type, entity_id, action, before, after)
     values ('aud_1', 'wsp_1', null, 'task', 'tsk_1', 'update', '{"a":[1,{"b":null}]}', '{"a":2}')`,
  );
}

let source: TestDatabase;
let target: TestDatabase;
let dir: string;
beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'tandem-backup-'));
  await seed(source.url);
});
afterAll(async () => {
  await source?.drop();
  await target?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips every row exactly, through a gzip file', async () => {
    const file = join(dir, 'all.jsonl.gz');
    const written = await exportBackup(source.url, file, { tandemVersion: 'test' });
    expect(written).toMatchObject({
      workspaces: 1,
      products: 1,
      programs: 1,
      projects: 1,
      tasks: 2,
      audit_entries: 1,
    });
    const restored = await importBackup(target.url, file);
    expect(restored).toEqual(written);
    expect(await snapshot(target.url)).toEqual(await snapshot(source.url));
  });

  it('refuses a database that already holds data, and leaves it untouched', async () => {
    const file = join(dir, 'again.jsonl');
    await exportBackup(source.url, file, { tandemVersion: 'test' });
    await query(target.url, `update products set name = 'Changed after restore'`);
    await expect(importBackup(target.url, file)).rejects.toThrow(/not empty.*--force/);
    expect((await query<{ name: string }>(target.url, 'select name from products'))[0]?.name).toBe(
      'Changed after restore',
    );
  });

  it('replaces the data with force', async () => {
    const file = join(dir, 'force.jsonl');
    await exportBackup(source.url, file, { tandemVersion: 'test' });
    await query(
      target.url,
      `insert into programs (id, workspace_id, name) values ('prg_extra', 'wsp_1', 'Extra')`,
    );
    // The replaced plan moved on after its backup: a running server may hold its schedule under this revision.
    await query(target.url, `update projects set plan_revision = plan_revision + 5 where id = 'prj_1'`);
    const replaced = await planRevisionOf(target.url);
    await importBackup(target.url, file, { force: true });
    expect(await snapshot(target.url, true)).toEqual(await snapshot(source.url, true));
    expect(await planRevisionOf(target.url)).toBe(replaced + 1);
  });

  // Each kind of revision a server keeps something under, with a write that moves it on (`k` names the write).
  const revisions = [
    {
      what: 'backlog',
      revision: `select revision from backlog_revisions where product_id = 'prd_1'`,
      write: (url: string, k: string) =>
        query(
          url,
          `insert into features (id, workspace_id, product_id, title) values ($1, 'wsp_1', 'prd_1', $1)`,
          [`fea_${k}`],
        ),
    },
    {
      what: 'workspace list',
      revision: `select revision from list_revisions where workspace_id = 'wsp_1' and kind = 'product'`,
      write: (url: string, k: string) => query(url, `update products set name = $1 where id = 'prd_1'`, [k]),
    },
  ];

  it.each(revisions)(
    'gives every restored $what a revision the replaced database never handed out',
    async ({ what, revision, write }) => {
      const revisionOf = async (url: string) =>
        Number((await query<{ revision: string }>(url, revision))[0]?.revision);
      const twin = await createTestDatabase();
      try {
        await seed(twin.url);
        await write(twin.url, 'backup');
        const file = join(dir, `${what.replace(' ', '-')}-revisions.jsonl`);
        await exportBackup(twin.url, file, { tandemVersion: 'test' });
        const backedUp = await revisionOf(twin.url);
        // After the backup it moves on: a server may now hold a ranking or a page under any of these numbers.
        for (const k of ['a', 'b', 'c']) await write(twin.url, k);
        const seen = await revisionOf(twin.url);
        expect(seen).toBeGreaterThan(backedUp);
        await importBackup(twin.url, file, { force: true });
        const restored = await revisionOf(twin.url);
        expect(restored).toBeGreaterThan(seen);
        await write(twin.url, 'after');
        expect(await revisionOf(twin.url)).toBeGreaterThan(restored);
      } finally {
        await twin.drop();
      }
    },
  );

  it('restores the demo workspace row for row, triggered rows included', async () => {
    const demo = await createTestDatabase();
    const empty = await createTestDatabase({ migrate: false });
    try {
      const client = createDatabaseClient({ connectionString: demo.url, max: 2 });
      await loadDemo(client.db).finally(() => client.close());
      const file = join(dir, 'demo.jsonl.gz');
      const written = await exportBackup(demo.url, file, { tandemVersion: 'test' });
      expect(written.features).toBeGreaterThan(0);
      expect(written.backlog_revisions).toBeGreaterThan(0);
      expect(await importBackup(empty.url, file)).toEqual(written);
      const everyRow = async (url: string) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          const rows: Record<string, string[]> = {};
          for (const { name } of await applicationTables(client)) {
            const result = await client.query<{ row: string }>(
              `select t::text as row from ${client.escapeIdentifier(name)} t order by 1`,
            );
            rows[name] = result.rows.map((r) => r.row);
          }
          return rows;
        } finally {
          await client.end();
        }
      };
      const restored = await everyRow(empty.url);
      const original = await everyRow(demo.url);
      // Restored backlogs and lists are numbered anew, above every number handed out before; the lists keep their rows.
      delete restored.backlog_revisions;
      delete original.backlog_revisions;
      const lists = (rows: Record<string, string[]>) =>
        rows.list_revisions?.map((row) => row.replace(/,\d+\)$/, ')'));
      expect(lists(restored)).toEqual(lists(original));
      delete restored.list_revisions;
      delete original.list_revisions;
      expect(restored).toEqual(original);
    } finally {
      await demo.drop();
      await empty.drop();
    }
  });

  it('rolls back a truncated file completely', async () => {
    const file = join(dir, 'cut.jsonl');
    await exportBackup(source.url, file, { tandemVersion: 'test' });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    writeFileSync(file, `${lines.slice(0, -1).join('\n')}\n`);
    const empty = await createTestDatabase();
    try {
      await expect(importBackup(empty.url, file)).rejects.toThrow(/truncated/);
      expect(await query(empty.url, 'select id from products')).toEqual([]);
    } finally {
      await empty.drop();
    }
  });

  it('restores a backup of an older schema at its own level, then migrates it forward', async () => {
    const old = await createTestDatabase({ migrate: false });
    const fresh = await createTestDatabase();
    try {
      const client = new pg.Client({ connectionString: old.url });
      await client.connect();
      try {
        await client.query('begin');
        await applyMigrations(client, 0, 1);
        await client.query(
          `insert into audit_entries (id, entity_type, entity_id, action, after) values ('aud_old', 'task', 't', 'create', '{"v":1}')`,
        );
        await client.query('commit');
      } finally {
        await client.end();
      }
      const file = join(dir, 'old.jsonl');
      await exportBackup(old.url, file, { tandemVersion: 'old' });
      expect(JSON.parse(readFileSync(file, 'utf8').split('\n')[0] ?? '{}')).toMatchObject({ migrations: 1 });
      const restored = await importBackup(fresh.url, file);
      expect(restored).toEqual({ audit_entries: 1 });
      expect(await query(fresh.url, 'select id, after from audit_entries')).toEqual([
        { id: 'aud_old', after: { v: 1 } },
      ]);
      const [applied] = await query<{ n: number }>(
        fresh.url,
        'select count(*)::int as n from drizzle.__drizzle_migrations',
      );
      expect(applied?.n).toBe(committedMigrations().length);
      expect(await query(fresh.url, 'select id from tasks')).toEqual([]);
    } finally {
      await old.drop();
      await fresh.drop();
    }
  });

  it('rejects a file that is not a Tandem backup', async () => {
    const file = join(dir, 'other.json');
    writeFileSync(file, '{"hello":"world"}\n');
    await expect(importBackup(target.url, file)).rejects.toThrow(/not a Tandem backup/);
  });

  it('takes a consistent snapshot while writes go on', async () => {
    const file = join(dir, 'busy.jsonl');
    const writer = new pg.Client({ connectionString: source.url });
    await writer.connect();
    let stop = false;
    let n = 0;
    const writes = (async () => {
      while (!stop) {
        n++;
        // Each transaction adds a task and its audit entry together; a consistent snapshot has both or neither.
        await writer.query('begin');
        await writer.query(
          `insert into tasks (id, workspace_id, project_id, name, position) values ($1, 'wsp_1', 'prj_1', 'busy', $2)`,
          [`tsk_busy_${n}`, n + 10],
        );
        await writer.query(
          `insert into audit_entries (id, workspace_id, entity_type, entity_id, action) values ($1, 'wsp_1', 'task', $2, 'create')`,
          [`aud_busy_${n}`, `tsk_busy_${n}`],
        );
        await writer.query('commit');
      }
    })();
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await exportBackup(source.url, file, { tandemVersion: 'test' });
    } finally {
      stop = true;
      await writes;
      await writer.end();
    }
    const rows = readFileSync(file, 'utf8').split('\n');
    const busyTasks = rows.filter((line) => line.includes('"id":"tsk_busy_')).length;
    const busyAudit = rows.filter((line) => line.includes('"id":"aud_busy_')).length;
    expect(busyTasks).toBeGreaterThan(0);
    expect(busyAudit).toBe(busyTasks);
  });

  it('works from the command line: tandem backup, then tandem restore into an empty database', async () => {
    const file = join(dir, 'cli.jsonl');
    const backup = await runTandem(['backup', file], { DATABASE_URL: source.url });
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Backed up \d+ rows/);
    const empty = await createTestDatabase({ migrate: false });
    try {
      const restore = await runTandem(['restore', file], { DATABASE_URL: empty.url });
      expect(restore.status, restore.stderr).toBe(0);
      expect(await snapshot(empty.url)).toEqual(await snapshot(source.url));
      const again = await runTandem(['restore', file], { DATABASE_URL: empty.url });
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/not empty/);
    } finally {
      await empty.drop();
    }
  });
});

// Starting an embedded PostgreSQL on a fresh data directory takes a while on a busy machine.
describe('backing up a running server', () => {
  it('attaches to the embedded PostgreSQL of the server that holds the data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-live-'));
    chmodSync(dataDir, 0o755);
    const port = await freePort();
    const child = spawnTandem([
      'serve',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--data-dir',
      dataDir,
    ]);
    try {
      const deadline = Date.now() + 90_000;
      for (;;) {
        const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then(
          (response) => response.ok,
          () => false,
        );
        if (healthy) break;
        if (child.exitCode !== null || Date.now() > deadline) throw new Error('tandem serve did not start');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const signup = await fetch(`http://127.0.0.1:${port}/api/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'live@example.com', name: 'Live', password: 'correct horse battery' }),
      });
      expect(signup.status).toBe(201);
      const file = join(dir, 'live.jsonl');
      const backup = await runTandem(['backup', file, '--data-dir', dataDir]);
      expect(backup.status, backup.stderr).toBe(0);
      expect(backup.stderr).toMatch(/Using the database of the Tandem server running/);
      expect(readFileSync(file, 'utf8')).toContain('"email":"live@example.com"');
      const restore = await runTandem(['restore', file, '--force', '--data-dir', dataDir]);
      expect(restore.status).toBe(1);
      expect(restore.stderr).toMatch(/Stop it first/);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
