import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsFolder, runMigrations } from '../src/db/migrate';
import { runTandem } from './helpers/cli';
import { createTestDatabase, type TestDatabase } from './helpers/database';

const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
  entries: unknown[];
};

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const appliedCount = async (url: string) =>
  (await query<{ n: number }>(url, 'select count(*)::int as n from drizzle.__drizzle_migrations'))[0]?.n;

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

describe('migrations', () => {
  it('apply every committed migration once, and a second run changes nothing', async () => {
    database = await createTestDatabase({ migrate: false });
    await runMigrations(database.url);
    expect(await appliedCount(database.url)).toBe(journal.entries.length);
    await query(
      database.url,
      `insert into audit_entries (id, entity_type, entity_id, action) values ('aud_kept', 'task', 'tsk_1', 'create')`,
    );
    await runMigrations(database.url);
    expect(await appliedCount(database.url)).toBe(journal.entries.length);
    expect(await query(database.url, `select id from audit_entries`)).toEqual([{ id: 'aud_kept' }]);
  });

  it('apply once when two processes migrate the same database at the same time', async () => {
    database = await createTestDatabase({ migrate: false });
    const env = { DATABASE_URL: database.url };
    const [first, second] = await Promise.all([runTandem(['migrate'], env), runTandem(['migrate'], env)]);
    expect(first.status, first.stderr).toBe(0);
    expect(second.status, second.stderr).toBe(0);
    expect(await appliedCount(database.url)).toBe(journal.entries.length);
  });
});
