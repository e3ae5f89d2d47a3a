import { readMigrationFiles } from 'drizzle-orm/migrator';
import type pg from 'pg';
import { migrationsFolder } from '../db/migrate';

// The advisory lock `runMigrations` holds (db/migrate.ts): a restore rebuilding the schema keeps servers that start
// meanwhile from migrating the same database under it.
const migrationLockKey = 7_412_003_118;

/** The committed migrations, in order. */
export function committedMigrations() {
  return readMigrationFiles({ migrationsFolder });
}

/** Takes the migration lock for the rest of the caller's transaction. */
export async function lockMigrations(client: pg.ClientBase): Promise<void> {
  await client.query('select pg_advisory_xact_lock($1)', [migrationLockKey]);
}

/**
 * Applies committed migrations `from` (inclusive) to `to` (exclusive) inside the caller's transaction, recording each
 * the way drizzle's migrator does, so a later `runMigrations` carries on from there.
 */
export async function applyMigrations(client: pg.ClientBase, from: number, to: number): Promise<void> {
  await client.query('create schema if not exists drizzle');
  await client.query(
    'create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)',
  );
  for (const migration of committedMigrations().slice(from, to)) {
    for (const statement of migration.sql) if (statement.trim() !== '') await client.query(statement);
    await client.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [
      migration.hash,
      migration.folderMillis,
    ]);
  }
}
