import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureServerBuilt } from '../../../../scripts/ensure-server-built.mjs';
import { startDatabase } from '../../src/db/runtime';
import { createTemplateDatabase } from './database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of a database on the shared test cluster, used to create one database per test file. */
    adminDatabaseUrl: string;
    /** Name of the database on that cluster, migrated once for the run, that each test file's database is a copy of. */
    templateDatabase: string;
  }
}

/**
 * Starts one embedded PostgreSQL for the whole run, or uses an external one: `TANDEM_TEST_DATABASE_URL` (which only the
 * database suite reads, so end-to-end servers keep their own embedded databases) or else `DATABASE_URL`.
 */
export default async function setup(project: TestProject) {
  // The `tandem` executable that command-line tests spawn is built once here, not by the first files at the same time;
  // a build that fails is left to those tests, which build again and report it, so other files still run.
  await ensureServerBuilt({ quiet: true }).catch(() => undefined);
  const external = process.env.TANDEM_TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (external) return provideTemplate(project, external);
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-test-pg-'));
  // The embedded cluster runs as the `postgres` user when tests run as root; it must reach its directory.
  chmodSync(dataDir, 0o755);
  const runtime = await startDatabase({ dataDir });
  const dropTemplate = await provideTemplate(project, runtime.connectionString).catch(
    async (error: unknown) => {
      await runtime.stop();
      throw error;
    },
  );
  return async () => {
    await dropTemplate();
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

/** Provides the cluster and its freshly migrated template to the test files; returns how to drop the template. */
async function provideTemplate(project: TestProject, adminDatabaseUrl: string): Promise<() => Promise<void>> {
  const template = await createTemplateDatabase(adminDatabaseUrl);
  project.provide('adminDatabaseUrl', adminDatabaseUrl);
  project.provide('templateDatabase', template.name);
  return template.drop;
}
