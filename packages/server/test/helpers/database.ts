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

async function admin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates database `name` on the cluster of `adminUrl`, empty or as a copy of `template`. */
async function createDatabase(adminUrl: string, name: string, template?: string): Promise<TestDatabase> {
  await admin(adminUrl, (client) =>
    client.query(
      `create database ${client.escapeIdentifier(name)}${template ? ` template ${client.escapeIdentifier(template)}` : ''}`,
    ),
  );
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: () =>
      admin(adminUrl, async (client) => {
        await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
      }),
  };
}

/**
 * Creates and migrates the database a run's test databases are copied from, once per run: copying a database is a
 * fraction of the time that applying every migration to each new one took. Nothing may stay connected to it.
 */
export async function createTemplateDatabase(adminUrl: string): Promise<TestDatabase> {
  const template = await createDatabase(adminUrl, `tandem_template_${randomBytes(6).toString('hex')}`);
  try {
    await runMigrations(template.url);
  } catch (error) {
    await template.drop();
    throw error;
  }
  return template;
}

/**
 * Creates a fresh database on the shared test cluster, a copy of the run's migrated template (the current schema);
 * `migrate: false` leaves it without tables.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `tandem_test_${randomBytes(6).toString('hex')}`;
  const template = options.migrate === false ? undefined : inject('templateDatabase');
  return createDatabase(inject('adminDatabaseUrl'), name, template);
}
