import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { runMigrations } from '../../src/db/migrate';
// The declaration of what the global setup provides, for programs that compile this file without that one.
import type {} from './global-setup';

/** A database of its own for one test file, migrated to the current schema. */
export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates a fresh, empty database on the shared test cluster; `migrate: false` leaves it without tables. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `tandem_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`create database ${client.escapeIdentifier(name)}`));
  const url = withDatabase(inject('adminDatabaseUrl'), name);
  if (options.migrate !== false) await runMigrations(url);
  return {
    name,
    url,
    drop: () =>
      admin(async (client) => {
        await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
      }),
  };
}
